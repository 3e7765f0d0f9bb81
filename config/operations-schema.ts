import { z } from "zod";
import { OPERATIONS_RULES, READ_WRITE_TYPES, type OperationsRuleName } from "../modules/shared/rules/operations-rules";
import { broken, jsonSchemaOf, RULES, type Rule, type RuleName } from "../modules/shared/rules/rules";

/**
 * Settings that operate the trail: CloudWatch Logs delivery, SNS notifications, event selectors, Insights, the
 * CloudTrail delegated administrator, and how the deploy stack is deployed (state backend, per-account providers).
 * Hooked into `configSchema` (schema.ts) by spreading the shapes below and chaining `operationsRules`.
 */

function checked<T extends z.ZodString | z.ZodNumber>(base: T, rules: readonly Rule[]): T {
  return base
    .superRefine((value: unknown, ctx) => {
      for (const rule of broken(rules, value)) ctx.addIssue({ code: "custom", message: `must ${rule.must}`, input: value });
    })
    .meta(jsonSchemaOf(rules)) as unknown as T;
}
const str = (name: OperationsRuleName | RuleName) => checked(z.string(), name in OPERATIONS_RULES ? OPERATIONS_RULES[name as OperationsRuleName] : RULES[name as RuleName]);
const num = (name: OperationsRuleName) => checked(z.number(), OPERATIONS_RULES[name]);

export const OPERATIONS_DEFAULTS = {
  logRetentionDays: 365,
  logGroupName: (trailName: string) => `/aws/cloudtrail/${trailName}`,
  roleName: (trailName: string) => `${trailName}-cloudwatch-logs`,
  topicName: (trailName: string) => `${trailName}-notifications`,
  stateKey: (stackName: string) => `orgtrail/${stackName}.tfstate`,
} as const;

/** "trail": the trail's key (its policy gains the statements the service needs); or the ARN of another key. */
const keyChoice = z.union([z.literal("trail"), str("kmsKeyArn")]).default("trail");

const cloudWatchLogs = z.strictObject({
  logGroupName: str("logGroupName").optional().describe("Default: /aws/cloudtrail/<trail.name>."),
  retentionDays: num("logRetentionDays").default(OPERATIONS_DEFAULTS.logRetentionDays).describe("Days CloudWatch Logs keeps the events."),
  kmsKey: keyChoice.describe("Key that encrypts the log group: 'trail' or a key ARN whose policy lets logs.<region>.amazonaws.com use it."),
  roleName: str("iamRoleName").optional().describe("Role CloudTrail assumes to deliver. Default: <trail.name>-cloudwatch-logs."),
});

const snsTopic = z.strictObject({
  name: str("snsTopicName").optional().describe("Default: <trail.name>-notifications."),
  kmsKey: keyChoice.describe("Key that encrypts the topic: 'trail' or a key ARN whose policy lets CloudTrail use it for this topic."),
});

const readWrite = z.enum(READ_WRITE_TYPES);

const managementEvents = z.strictObject({
  enabled: z.boolean().default(true).describe("Log management events; turning them off needs data events (a trail must log something)."),
  readWriteType: readWrite.default("All"),
  excludeEventSources: z.array(str("excludableEventSource")).default([]).describe("kms.amazonaws.com and/or rdsdata.amazonaws.com."),
});

const s3Objects = z.strictObject({
  bucketName: str("bucketName"),
  prefix: str("dataEventPrefix").optional().describe("Only objects under this key prefix. Default: every object of the bucket."),
});

const dataEvents = z.strictObject({
  readWriteType: readWrite.default("All"),
  s3Objects: z.array(s3Objects).default([]).describe("S3 object-level events of these buckets (and prefixes)."),
  lambdaFunctionArns: z.array(str("lambdaFunctionArn")).default([]).describe("Invoke events of these Lambda functions."),
});

/** Added to the `trail` section. */
export const TRAIL_OPERATIONS = {
  cloudWatchLogs: cloudWatchLogs.optional().describe("Also deliver events to a CloudWatch Logs log group (CIS 3.4 / CKV2_AWS_10)."),
  snsTopic: snsTopic.optional().describe("Notify an encrypted SNS topic of every log file delivery."),
  managementEvents: managementEvents.optional().describe("Which management events to log. Default: all."),
  dataEvents: dataEvents.optional().describe("Data events to log (advanced event selectors)."),
  insights: z.array(z.enum(["ApiCallRateInsight", "ApiErrorRateInsight"])).optional().describe("CloudTrail Insights types."),
};

/** Added to the `organization` section. */
export const ORGANIZATION_OPERATIONS = {
  trailAdminAccountId: str("accountId")
    .optional()
    .describe("CloudTrail delegated administrator: registered from the management account, then creates the trail (still owned by the management account)."),
};

const accountProvider = z.strictObject({
  profile: str("profileName").optional().describe("Named profile of the shared AWS config."),
  assumeRoleArn: str("iamRoleArn").optional().describe("Role to assume in this account."),
  externalId: str("externalId").optional(),
  sessionName: str("sessionName").optional(),
  defaultTags: z.record(z.string(), z.string()).default({}).describe("Merged over the top-level tags for this account's resources."),
});

const localBackend = z.strictObject({
  type: z.literal("local"),
  path: z.string().min(1).optional().describe("Default: terraform.<stack>.tfstate, relative to the stack folder."),
});

const s3Backend = z.strictObject({
  type: z.literal("s3"),
  bucket: str("bucketName"),
  key: str("stateKey").optional().describe("Default: orgtrail/<stack>.tfstate."),
  region: str("region").optional().describe("Default: the organization's home region."),
  encrypt: z.boolean().default(true),
  kmsKeyId: str("kmsKeyArn").optional().describe("Encrypt the state with this key instead of SSE-S3."),
  useLockfile: z.boolean().default(true).describe("S3-native state locking (Terraform >= 1.10)."),
  profile: str("profileName").optional(),
  roleArn: str("iamRoleArn").optional().describe("Role to assume for state access."),
});

/** The top-level `deployment` section. */
export const deployment = z
  .strictObject({
    backend: z.discriminatedUnion("type", [localBackend, s3Backend]).default({ type: "local" }),
    accounts: z
      .strictObject({
        management: accountProvider.optional(),
        logArchive: accountProvider.optional(),
        trailAdmin: accountProvider.optional(),
      })
      .default({}),
  })
  .describe("How the deploy stack is deployed: state backend and per-account provider settings.");

export type TrailOperations = { [K in keyof typeof TRAIL_OPERATIONS]?: z.output<(typeof TRAIL_OPERATIONS)[K]> };
export type Deployment = z.output<typeof deployment>;
export type AccountProvider = z.output<typeof accountProvider>;

/** The part of a parsed config the operations rules read (typed apart: `Config` is derived from the schema itself). */
export interface OperationsView {
  readonly organization: { managementAccountId: string; homeRegion: string; partition: string; trailAdminAccountId?: string };
  readonly logArchive: { accountId?: string };
  readonly trail: { name: string } & TrailOperations;
  readonly deployment: Deployment;
}
