import type { Inputs, VariableSpec } from "../shared/inputs";
import { coalesce, ifElse, isNull, toTemplate } from "../shared/value";
import { accountKeysPattern } from "../member-reader-roles/reader-policies";
import { ORGANIZATION_DEFAULTS as DEFAULTS } from "./config";

/** Module variables that several modules share: who the organization is, where the logs are, tags. */

export const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };
export const PARTITION: VariableSpec = { name: "partition", config: "organization.partition", type: "string", default: DEFAULTS.partition, rules: "partition", description: "AWS partition of every ARN." };
export const MANAGEMENT: VariableSpec = { name: "management_account_id", config: "organization.managementAccountId", example: true, type: "string", rules: "accountId", description: "Management account ID: owner of the organization trail." };
export const HOME_REGION: VariableSpec = { name: "trail_home_region", config: "organization.homeRegion", example: true, type: "string", rules: "region", description: "Home region of the organization trail, the bucket and the key." };
export const TRAIL_NAME: VariableSpec = { name: "trail_name", config: "trail.name", example: true, type: "string", rules: "trailName", description: "Name of the organization trail." };

/** Where the logs are and how they are encrypted: what every reader policy is built from. */
export const LOG_LOCATION: readonly VariableSpec[] = [
  PARTITION,
  { name: "organization_id", config: "organization.id", example: true, type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx): the folder AWSLogs/<organization_id>/ the trail writes to." },
  MANAGEMENT,
  { name: "log_archive_account_id", config: "logArchive.accountId", fromConfig: (c) => c.logArchive.accountId ?? c.organization.managementAccountId, example: true, type: "string", rules: "accountId", description: "Account that owns the log archive bucket and key (the provider's account for reader roles)." },
  HOME_REGION,
  { name: "bucket_name", config: "logArchive.bucketName", example: true, type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output)." },
  { name: "s3_key_prefix", config: "logArchive.keyPrefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix before AWSLogs/, the same as the trail's; null for none." },
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
    kmsKeyArn: toTemplate(coalesce(v.value("kms_key_arn"), accountKeysPattern(v.s("partition"), v.s("trail_home_region"), v.s("log_archive_account_id")))),
  };
}
