import { z } from "zod";
import { moreCrossFieldRules } from "./cross-field";
import { broken, follows, jsonSchemaOf, RULES, type RuleName } from "../modules/shared/rules/rules";
import { ruled, ruledNumber } from "../modules/shared/rules/zod";
import { deployment, ORGANIZATION_OPERATIONS, TRAIL_OPERATIONS } from "./operations-schema";
import { operationsRules } from "./operations-checks";
import { accessRules, accessShape } from "./access-schema";

/** A string-to-string map whose keys and values are checked against rule sets. */
function ruledRecord(keyRule: RuleName, valueRule: RuleName) {
  return z.record(z.string().meta({ allOf: [jsonSchemaOf(RULES[keyRule])] }), ruled(valueRule)).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      for (const rule of broken(RULES[keyRule], key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `key must ${rule.must}`, input: key });
      }
    }
  });
}

export const DEFAULTS = {
  partition: "aws",
  objectOwnership: "BucketOwnerEnforced",
  transitionDays: 90,
  transitionStorageClass: "GLACIER_IR",
  expirationDays: 2557,
  noncurrentVersionExpirationDays: 90,
  abortIncompleteMultipartUploadDays: 7,
  accessLogExpirationDays: 365,
  kmsAlias: "alias/orgtrail-cloudtrail",
  deletionWindowDays: 30,
  objectLockMode: "GOVERNANCE",
} as const;

const organization = z.strictObject({
  id: ruled("organizationId").describe("AWS Organizations ID, o-xxxxxxxxxx."),
  managementAccountId: ruled("accountId").describe("The management account: it owns the organization trail."),
  homeRegion: ruled("region").describe("The trail's home region; the log archive bucket and key live there too."),
  partition: ruled("partition").default(DEFAULTS.partition).describe("AWS partition."),
  ...ORGANIZATION_OPERATIONS,
});

const lifecycle = z.strictObject({
  transitionDays: ruledNumber("days").default(DEFAULTS.transitionDays).describe("Days before log objects move to transitionStorageClass."),
  transitionStorageClass: ruled("storageClass").default(DEFAULTS.transitionStorageClass).describe("The colder storage class."),
  expirationDays: ruledNumber("days").default(DEFAULTS.expirationDays).describe("Days before log objects expire."),
  noncurrentVersionExpirationDays: ruledNumber("days").default(DEFAULTS.noncurrentVersionExpirationDays).describe("Days before noncurrent object versions are removed."),
  abortIncompleteMultipartUploadDays: ruledNumber("days").default(DEFAULTS.abortIncompleteMultipartUploadDays).describe("Days before incomplete multipart uploads are aborted."),
});

const objectLock = z.strictObject({
  mode: ruled("objectLockMode").default(DEFAULTS.objectLockMode).describe("GOVERNANCE or COMPLIANCE."),
  retentionDays: ruledNumber("days").describe("Default retention of every log object, in days."),
});

const accessLogs = z.strictObject({
  enabled: z.boolean().default(true).describe("Create a separate bucket for S3 server access logs of the log archive bucket."),
  bucketName: ruled("bucketName").optional().describe("Default: <logArchive.bucketName>-access-logs."),
  expirationDays: ruledNumber("days").default(DEFAULTS.accessLogExpirationDays).describe("Days before access log objects expire."),
});

const logArchive = z.strictObject({
  accountId: ruled("accountId").optional().describe("Account that owns the bucket and key. Default: the management account."),
  bucketName: ruled("bucketName").describe("Name of the central CloudTrail bucket."),
  keyPrefix: ruled("keyPrefix").optional().describe("S3 key prefix under which CloudTrail writes AWSLogs/."),
  objectOwnership: ruled("objectOwnership").default(DEFAULTS.objectOwnership),
  lifecycle: lifecycle.prefault({}),
  objectLock: objectLock.optional().describe("Object Lock default retention; enabled at bucket creation only."),
  accessLogs: accessLogs.prefault({}),
});

const encryption = z.strictObject({
  kmsKey: z
    .union([z.literal("create"), ruled("kmsKeyArn")])
    .default("create")
    .describe("'create' for a new customer managed key, or the ARN of an existing key."),
  aliasName: ruled("kmsAlias").default(DEFAULTS.kmsAlias),
  deletionWindowDays: ruledNumber("deletionWindowDays").default(DEFAULTS.deletionWindowDays),
});

const trail = z.strictObject({
  name: ruled("trailName"),
  multiRegion: z.boolean().default(true),
  includeGlobalServiceEvents: z.boolean().default(true),
  logFileValidation: z.boolean().default(true),
  ...TRAIL_OPERATIONS,
});

const principalTag = z.strictObject({ key: ruled("tagKey"), value: ruled("tagValue") });

const memberAccess = z.strictObject({
  enabled: z.boolean().default(true).describe("Let every member account read its own logs through the bucket policy."),
  principalArnPattern: ruled("principalArnPattern").optional().describe("Only principals whose ARN matches may read."),
  principalTag: principalTag.optional().describe("Only principals carrying this tag may read."),
});

export const configSchema = z
  .strictObject({
    organization,
    logArchive,
    encryption: encryption.prefault({}),
    trail,
    memberAccess: memberAccess.prefault({}),
    tags: ruledRecord("tagKey", "tagValue").default({}).describe("Tags on every resource."),
    deployment: deployment.prefault({}),
    ...accessShape,
  })
  .superRefine((c, ctx) => operationsRules(c, ctx))
  .superRefine(crossFieldRules);

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

type Ctx = z.RefinementCtx;
type Parsed = Omit<Config, never>;

function crossFieldRules(c: Parsed, ctx: Ctx): void {
  const issue = (path: (string | number)[], input: unknown, message: string) =>
    ctx.addIssue({ code: "custom", path, input, message });
  const lc = c.logArchive.lifecycle;

  const expected = c.organization.homeRegion.startsWith("cn-")
    ? "aws-cn"
    : c.organization.homeRegion.startsWith("us-gov-")
      ? "aws-us-gov"
      : "aws";
  if (c.organization.partition !== expected && follows("partition", c.organization.partition) && follows("region", c.organization.homeRegion) && !/^[a-z]{2}-iso/.test(c.organization.homeRegion)) {
    issue(["organization", "partition"], c.organization.partition, `must be ${expected} for home region ${c.organization.homeRegion}`);
  }
  const days = (...values: number[]) => values.every((v) => follows("days", v));
  if (days(lc.expirationDays, lc.transitionDays) && lc.expirationDays <= lc.transitionDays) {
    issue(["logArchive", "lifecycle", "expirationDays"], lc.expirationDays, `must be greater than lifecycle.transitionDays (${lc.transitionDays}): S3 rejects an expiration that is not after the transition`);
  }
  if (["STANDARD_IA", "ONEZONE_IA"].includes(lc.transitionStorageClass) && days(lc.transitionDays) && lc.transitionDays < 30) {
    issue(["logArchive", "lifecycle", "transitionDays"], lc.transitionDays, `must be at least 30 for ${lc.transitionStorageClass}: S3's minimum before an IA transition`);
  }
  const lock = c.logArchive.objectLock;
  if (lock && days(lc.expirationDays, lock.retentionDays) && lc.expirationDays < lock.retentionDays) {
    issue(["logArchive", "lifecycle", "expirationDays"], lc.expirationDays, `must not be shorter than objectLock.retentionDays (${lock.retentionDays}): locked objects cannot expire`);
  }
  const logs = c.logArchive.accessLogs;
  if (logs.enabled && !logs.bucketName && follows("bucketName", c.logArchive.bucketName) && c.logArchive.bucketName.length + "-access-logs".length > 63) {
    issue(["logArchive", "accessLogs", "bucketName"], undefined, `must be set: the default ${c.logArchive.bucketName}-access-logs is longer than 63 characters`);
  }
  if (logs.enabled && logs.bucketName === c.logArchive.bucketName) {
    issue(["logArchive", "accessLogs", "bucketName"], logs.bucketName, "must differ from logArchive.bucketName: S3 access logs go to a separate bucket");
  }
  if (c.encryption.kmsKey !== "create" && follows("kmsKeyArn", c.encryption.kmsKey) && follows("region", c.organization.homeRegion)) {
    const region = c.encryption.kmsKey.split(":")[3];
    if (region !== c.organization.homeRegion) {
      issue(["encryption", "kmsKey"], c.encryption.kmsKey, `must be a key in the home region ${c.organization.homeRegion}: CloudTrail requires the key and the bucket in the trail's home region`);
    }
  }
  const m = c.memberAccess;
  if (!m.enabled && (m.principalArnPattern || m.principalTag)) {
    issue(["memberAccess", "enabled"], m.enabled, "must be true when principalArnPattern or principalTag is set: narrowing applies to member access");
  }
  accessRules(c, ctx);
  moreCrossFieldRules(c, ctx);
}
