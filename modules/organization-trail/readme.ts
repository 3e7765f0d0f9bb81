import type { ModuleDoc } from "../shared/module-doc";

export const ORGANIZATION_TRAIL_DOC = (): ModuleDoc => ({
  title: "orgtrail organization-trail",
  purpose:
    "The organization trail, in the management account: every account of the organization, every region, global service events, log file validation, encrypted with the log archive's KMS key, delivered to the log archive bucket.",
  notes: [
    "Feed `bucket_name` and `kms_key_arn` from the log-archive module's outputs so the trail waits for the bucket and key policies.",
    "Every policy in the log archive is bound to this trail's ARN, `arn:<partition>:cloudtrail:<home-region>:<management-account>:trail/<trail_name>`: keep `trail_name` and the home region the same in both modules.",
  ],
});
