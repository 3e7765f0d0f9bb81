import type { ModuleOnlyRule } from "../shared/rules/cross-field";

// Terraform evaluates an error message even when its condition holds: every value in one is null-safe (try).

/** `condition` only when log_archive is set (Terraform's || evaluates both sides: no attribute of a null object). */
const whenWired = (condition: string) => `var.log_archive == null ? true : (${condition})`;
const ARN_PART = (i: number) => `split(":", var.log_archive.trail_arn)[${i}]`;
const orNone = (v: string) => `(${v} == null ? "" : ${v})`;
const TRAIL = "aws_cloudtrail.organization";
const SOURCE = "AWS CloudTrail User Guide, 'Amazon S3 bucket policy for CloudTrail' (the bucket policy admits the trail by aws:SourceArn and names the key prefix) and 'Configure AWS KMS key policies for CloudTrail'";

const wired = (rule: string, condition: string, errorMessage: string): ModuleOnlyRule => ({
  rule,
  source: SOURCE,
  precondition: { module: "organization-trail", errorMessage, on: { [TRAIL]: whenWired(condition) } },
});

/**
 * The trail matches the log archive it is wired to (`log_archive`), each field with its own message naming both
 * values. Module-only: the deploy stack builds both from one config.
 */
export const WIRING_RULES: readonly ModuleOnlyRule[] = [
  wired(
    "the trail's name is the one the log archive's policies admit (log_archive.trail_arn)",
    `${ARN_PART(5)} == "trail/\${var.trail_name}"`,
    'trail_name "${var.trail_name}" differs from the log-archive module\'s: its bucket and key policies admit only ${try(var.log_archive.trail_arn, "")} (aws:SourceArn), so CloudTrail could not deliver. Give both modules the same trail_name.',
  ),
  wired(
    "the trail's home region is the one the log archive's policies admit",
    `var.trail_home_region == null || ${ARN_PART(3)} == var.trail_home_region`,
    'trail_home_region "${try(coalesce(var.trail_home_region, ""), "")}" differs from the log-archive module\'s: its policies admit only ${try(var.log_archive.trail_arn, "")}. Use the same home region in both modules.',
  ),
  wired(
    "the trail's management account is the one the log archive's policies admit",
    `var.management_account_id == null || ${ARN_PART(4)} == var.management_account_id`,
    'management_account_id "${try(coalesce(var.management_account_id, ""), "")}" differs from the log-archive module\'s: its policies admit only ${try(var.log_archive.trail_arn, "")}. Use the same management account in both modules.',
  ),
  wired(
    "the trail writes to the log archive's bucket",
    "var.log_archive.bucket_name == var.bucket_name",
    'bucket_name "${var.bucket_name}" differs from the log-archive module\'s bucket "${try(var.log_archive.bucket_name, "")}": pass module.log_archive.bucket_name.',
  ),
  wired(
    "the trail writes under the log archive's key prefix",
    `${orNone("var.log_archive.s3_key_prefix")} == ${orNone("var.s3_key_prefix")}`,
    's3_key_prefix "${try(coalesce(var.s3_key_prefix, ""), "")}" differs from the log-archive module\'s "${try(coalesce(var.log_archive.s3_key_prefix, ""), "")}": the bucket policy lets CloudTrail write and members read only under that prefix. Use the same s3_key_prefix in both modules.',
  ),
  wired(
    "the trail encrypts with the log archive's key",
    "var.log_archive.kms_key_arn == var.kms_key_arn",
    'kms_key_arn "${try(coalesce(var.kms_key_arn, ""), "")}" differs from the log-archive module\'s key "${try(var.log_archive.kms_key_arn, "")}": pass module.log_archive.kms_key_arn.',
  ),
];
