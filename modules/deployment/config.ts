import { z } from "zod";
import { rulesOf, type RuleName } from "../shared/rules/field-rules";
import { broken, jsonSchemaOf } from "../shared/rules/rule";
import { ruled } from "../shared/rules/zod";

/** A string-to-string map whose keys and values are checked against rule sets. */
function ruledRecord(keyRule: RuleName, valueRule: RuleName) {
  return z.record(z.string().meta({ allOf: [jsonSchemaOf(rulesOf(keyRule))] }), ruled(valueRule)).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      for (const rule of broken(rulesOf(keyRule), key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `key must ${rule.must}`, input: key });
      }
    }
  });
}

export const DEPLOYMENT_DEFAULTS = {
  stateKey: (stackName: string) => `orgtrail/${stackName}.tfstate`,
} as const;

const accountProvider = z.strictObject({
  profile: ruled("profileName").optional().describe("Named profile of the shared AWS config."),
  assumeRoleArn: ruled("iamRoleArn").optional().describe("Role to assume in this account."),
  externalId: ruled("externalId").optional(),
  sessionName: ruled("sessionName").optional(),
  defaultTags: z.record(z.string(), z.string()).default({}).describe("Merged over the top-level tags for this account's resources."),
});

const localBackend = z.strictObject({
  type: z.literal("local"),
  path: z.string().min(1).optional().describe("Default: terraform.<stack>.tfstate, relative to the stack folder."),
});

const s3Backend = z.strictObject({
  type: z.literal("s3"),
  bucket: ruled("bucketName"),
  key: ruled("stateKey").optional().describe("Default: orgtrail/<stack>.tfstate."),
  region: ruled("region").optional().describe("Default: the organization's home region."),
  encrypt: z.boolean().default(true),
  kmsKeyId: ruled("kmsKeyArn").optional().describe("Encrypt the state with this key instead of SSE-S3."),
  useLockfile: z.boolean().default(true).describe("S3-native state locking (Terraform >= 1.10)."),
  profile: ruled("profileName").optional(),
  roleArn: ruled("iamRoleArn").optional().describe("Role to assume for state access."),
});

const deployment = z
  .strictObject({
    backend: z.discriminatedUnion("type", [localBackend, s3Backend]).default({ type: "local" }),
    accounts: z
      .strictObject({
        management: accountProvider.optional(),
        logArchive: accountProvider.optional(),
        delegatedAdmin: accountProvider.optional(),
      })
      .default({}),
  })
  .describe("How the deploy stack is deployed: state backend and per-account provider settings.");

/** The `tags` and `deployment` sections: how the deploy stack is deployed. */
export const deploymentSections = {
  tags: ruledRecord("tagKey", "tagValue").default({}).describe("Tags on every resource."),
  deployment: deployment.prefault({}),
};

export type Deployment = z.output<typeof deployment>;
export type AccountProvider = z.output<typeof accountProvider>;
