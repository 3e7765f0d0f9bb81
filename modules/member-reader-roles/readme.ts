import type { ModuleDoc } from "../shared/module-doc";
import { CKV_AWS_61, KMS_NOTE, sizesAtExample } from "../shared/access-docs";
import { memberReaderRolesPolicies } from "./policies";

export const MEMBER_READER_ROLES_DOC = (): ModuleDoc => ({
  title: "orgtrail member-reader-roles",
  purpose:
    "A reader role per member account, in the log-archive account (AWS's scenario 1 for sharing CloudTrail log files): trusted by that member account only, with MFA when asked, and allowed to read that account's folder of the log archive and nothing else. Each member is one `for_each` instance keyed by its account ID, so adding or removing a member changes no other role.",
  provider: "aws.log_archive",
  policies: sizesAtExample(memberReaderRolesPolicies),
  access: [
    "Principals of member account `<account-id>` (the map key) whose own identity policy allows `sts:AssumeRole` on the role: assume the role `role_name` (default `OrgTrailLogReader-<account-id>`) for at most `max_session_duration_seconds`. The trust names `arn:<partition>:iam::<account-id>:root`, which trusts the account, never its root user; with `require_mfa`, only sessions signed in with MFA (`Bool aws:MultiFactorAuthPresent = true`, not `BoolIfExists`).",
    "No other account and no other principal may assume the role.",
    "The role: `s3:GetObject` under `<prefix>/AWSLogs/<organization_id>/<account-id>/`, `s3:ListBucket` of the bucket with `s3:prefix` inside that folder, `kms:Decrypt` only through S3 in the home region (`kms:ViaService`) and only under CloudTrail's encryption context for the management account's trails.",
    "The role, explicitly denied: `s3:GetObject` of any object outside its folder (in any bucket) and `s3:ListBucket` of the bucket with any other prefix. The Deny matters: the bucket policy lets every organization principal read its own account's folder, which for a role living in the log-archive account would be the log-archive account's folder.",
  ],
  notes: [
    "Deploy with the log-archive account's provider (`providers = { aws = aws.log_archive }`).",
    "The caller needs `sts:AssumeRole` on its role (`role_arns` output) in an identity policy of its own account, and an MFA session when `require_mfa`; then it lists `<prefix>/AWSLogs/<organization_id>/<account-id>/` with the trailing slash.",
    KMS_NOTE,
    CKV_AWS_61,
  ],
});

