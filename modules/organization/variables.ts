import type { Inputs, VariableSpec } from "../shared/inputs";
import { coalesce, expr, ifElse, isExpr, isNull, toTemplate, type Value } from "../shared/value";
import { keyPath } from "../shared/arns";
import { accountKeysPattern } from "../member-reader-roles/reader-policies";
import { ORGANIZATION_DEFAULTS as DEFAULTS } from "./config";

/** Module variables that several modules share: who the organization is, where the logs are, tags. */

export const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };
export const PARTITION: VariableSpec = { name: "partition", config: "organization.partition", type: "string", default: DEFAULTS.partition, rules: "partition", description: "AWS partition of every ARN." };
export const MANAGEMENT: VariableSpec = { name: "management_account_id", config: "organization.managementAccountId", example: true, type: "string", rules: "accountId", description: "Management account ID: owner of the organization trail." };
export const HOME_REGION: VariableSpec = { name: "trail_home_region", config: "organization.homeRegion", example: true, type: "string", rules: "region", description: "Home region of the organization trail, the bucket and the key." };
export const TRAIL_NAME: VariableSpec = { name: "trail_name", config: "trail.name", example: true, type: "string", rules: "trailName", description: "Name of the organization trail." };

/** Where the history stays after the trail's key prefix moved (log-archive and reader modules alike). */
export const PREVIOUS_KEY_PREFIXES: VariableSpec = {
  name: "previous_key_prefixes",
  config: "logArchive.previousKeyPrefixes",
  type: "list(string)",
  default: [],
  elementRules: "previousKeyPrefix",
  description: "Key prefixes the trail wrote to before s3_key_prefix (\"\" for none): the same readers keep reading their folders under each; CloudTrail writes only under s3_key_prefix.",
};

/** The previous key paths (`""` or `"<prefix>/"`): a literal list, or a `for` expression over the variable. */
export function previousKeyPaths(v: Inputs): Value<readonly string[]> {
  const prefixes = v.value("previous_key_prefixes") as Value<readonly string[]>;
  return isExpr(prefixes) ? expr(`[for p in ${prefixes.hcl} : p == "" ? "" : "\${p}/"]`) : prefixes.map(keyPath);
}

/** Where the logs are and how they are encrypted: what every reader policy is built from. */
export const LOG_LOCATION: readonly VariableSpec[] = [
  PARTITION,
  { name: "organization_id", config: "organization.id", example: true, type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx): the folder AWSLogs/<organization_id>/ the trail writes to." },
  MANAGEMENT,
  { name: "log_archive_account_id", config: "logArchive.accountId", fromConfig: (c) => c.logArchive.accountId ?? c.organization.managementAccountId, example: true, type: "string", rules: "accountId", description: "Account that owns the log archive bucket and key (the provider's account for reader roles)." },
  HOME_REGION,
  { name: "bucket_name", config: "logArchive.bucketName", example: true, type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output)." },
  { name: "s3_key_prefix", config: "logArchive.keyPrefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix before AWSLogs/, the same as the trail's; null for none." },
  PREVIOUS_KEY_PREFIXES,
  {
    name: "kms_key_arn",
    config: "encryption.kmsKey", fromConfig: (c) => (c.encryption.kmsKey === "create" ? null : c.encryption.kmsKey),
    type: "string",
    default: null,
    rules: "kmsKeyArn",
    description: "The trail key's ARN; null allows decrypting with any key of the log-archive account in the home region (still only through S3 and under CloudTrail's encryption context), which keeps the policy known at plan time.",
  },
];

/** Expressions shared by the modules that read the log archive. */
export function logLocation(v: Inputs) {
  return {
    partition: v.s("partition"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    bucketName: v.s("bucket_name"),
    keyPath: toTemplate(ifElse(isNull(v.value("s3_key_prefix")), "", `${v.s("s3_key_prefix")}/`)),
    previousKeyPaths: previousKeyPaths(v),
    kmsKeyArn: toTemplate(coalesce(v.value("kms_key_arn"), accountKeysPattern(v.s("partition"), v.s("trail_home_region"), v.s("log_archive_account_id")))),
  };
}
