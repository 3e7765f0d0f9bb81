import type { ModuleDoc } from "../shared/module-doc";
import { KMS_NOTE, sizesAtExample } from "../shared/access-docs";
import { cloudTrailUserPoliciesPolicies } from "./policies";

export const CLOUDTRAIL_USER_POLICIES_DOC = (): ModuleDoc => ({
  title: "orgtrail cloudtrail-user-policies",
  purpose:
    "Customer managed IAM policies for the people who operate CloudTrail, in the management account: `OrgTrailCloudTrailReadOnly`, `OrgTrailCloudTrailAdministration` and `OrgTrailProtectOrganizationTrail`. Narrower than AWS's examples (no `s3:*`, no `sns:*`, no bucket creation). The module attaches them to nobody: attach them to your operators' groups or roles.",
  policies: sizesAtExample(cloudTrailUserPoliciesPolicies),
  access: [
    "Whoever holds `OrgTrailCloudTrailReadOnly`: describe and list trails, get their status, selectors and tags, look up events (on `*`: describing, listing trails and looking up events support no resource scope); `s3:GetObject` under `<prefix>/AWSLogs/`, `s3:ListBucket` with that prefix and `s3:GetBucketLocation` of the bucket; `kms:Decrypt` only through S3 in the home region under CloudTrail's encryption context. With a separate log-archive account, the bucket policy still limits a management-account principal to the management account's folder.",
    "Whoever holds `OrgTrailCloudTrailAdministration`: the read-only rights, plus creating, updating, deleting, starting and stopping the management account's trails (`arn:<partition>:cloudtrail:*:<management_account_id>:trail/*`) and changing their selectors and tags; describing the organization and listing its accounts; enabling trusted access for CloudTrail only; creating and reading CloudTrail's service-linked role; passing roles to CloudTrail only (`iam:PassedToService`). No bucket, topic or log-group administration.",
    "Whoever holds `OrgTrailProtectOrganizationTrail`: denied `StopLogging`, `StartLogging`, `DeleteTrail`, `UpdateTrail`, `PutEventSelectors` and `PutInsightSelectors` on the organization trail `arn:<partition>:cloudtrail:<trail_home_region>:<management_account_id>:trail/<trail_name>`. The Deny wins over any Allow, an administrator's included.",
  ],
  notes: [
    "Deploy with the management account's provider.",
    "Set `create_read_only_policy`, `create_administration_policy` or `create_protect_trail_policy` to false to leave that policy out; its ARN output is then null.",
    "The management account is beyond the reach of SCPs (see the trail-guardrail module): attach `OrgTrailProtectOrganizationTrail` to everyone there who must not touch the trail.",
    KMS_NOTE,
  ],
});

