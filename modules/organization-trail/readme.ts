import type { ModuleDoc } from "../shared/module-doc";

export const ORGANIZATION_TRAIL_DOC = (): ModuleDoc => ({
  title: "orgtrail organization-trail",
  purpose:
    "The organization trail, in the management account: every account of the organization, every region, global service events, log file validation, encrypted with the log archive's KMS key, delivered to the log archive bucket.",
  notes: [
    "Feed `bucket_name` and `kms_key_arn` from the log-archive module's outputs so the trail waits for the bucket and key policies.",
    "Every policy in the log archive is bound to this trail's ARN, `arn:<partition>:cloudtrail:<home-region>:<management-account>:trail/<trail_name>`: keep `trail_name` and the home region the same in both modules.",
    "Wire the two modules in one line, `log_archive = module.log_archive.trail_wiring`: the trail then checks at `terraform plan` that its name, home region and management account (when given), bucket, key prefix and key are the ones the archive's policies admit, and a mismatch fails the plan with both values instead of failing at CreateTrail.",
  ],
});
