import type { TerraformResource } from "../shared/facade";
import type { VariableSpec } from "../shared/inputs";
import { enforce } from "../shared/rules/precondition";
import { WIRING_RULES } from "./rules";

/**
 * The organization-trail module's `log_archive` input: the log-archive module's `trail_wiring` output, in one line.
 * The trail then checks at plan time that it is the trail the archive's policies admit, instead of failing at
 * CreateTrail (InsufficientS3BucketPolicyException) or writing where nobody reads.
 */
export const LOG_ARCHIVE_WIRING: VariableSpec = {
  name: "log_archive",
  type: "object({ trail_arn = string, bucket_name = string, s3_key_prefix = string, kms_key_arn = string })",
  default: null,
  description:
    "The log-archive module's trail_wiring output: the plan fails, naming both values, when trail_name, trail_home_region, management_account_id, bucket_name, s3_key_prefix or kms_key_arn differ from what the archive's policies are bound to. Null: no check.",
};

export const checkWiring = (trail: TerraformResource): void => enforce(trail, WIRING_RULES);
