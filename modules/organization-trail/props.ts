import type { Inputs } from "../shared/inputs";
import type { OrganizationTrailProps } from "./organization-trail";

/** The trail's own props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const organizationTrailProps = (v: Inputs): OrganizationTrailProps => ({
  trailName: v.s("trail_name"),
  bucketName: v.s("bucket_name"),
  s3KeyPrefix: v.s("s3_key_prefix"),
  kmsKeyArn: v.s("kms_key_arn"),
  multiRegion: v.value("multi_region"),
  includeGlobalServiceEvents: v.value("include_global_service_events"),
  logFileValidation: v.value("log_file_validation"),
  tags: v.value("tags"),
});
