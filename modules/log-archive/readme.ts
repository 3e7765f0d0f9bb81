import { README_EXAMPLE } from "../../config/example";
import { parseConfig } from "../../config/load";
import type { ModuleDoc } from "../shared/module-doc";
import { measure } from "../shared/limits";
import { logArchivePolicies } from "./policies";

const example = () => parseConfig(README_EXAMPLE, "README example");

export const LOG_ARCHIVE_DOC = (): ModuleDoc => ({
  title: "orgtrail log-archive",
  purpose:
    "The central CloudTrail log archive of an AWS organization: an S3 bucket (Object Ownership enforced, all public access blocked, versioning, SSE-KMS with an S3 Bucket Key, lifecycle, optional Object Lock, TLS only) whose policy lets the organization trail write and each member account read only its own logs; the KMS key that encrypts them; and a separate bucket for the archive's S3 server access logs. Deploy it in the log-archive account (or the management account).",
  policies: logArchivePolicies(example()).map((p) => measure(p.name, p.document, p.kind)),
  access: [
    "CloudTrail, for the organization trail only (`aws:SourceArn` = the management account's trail ARN): `s3:GetBucketAcl` on the bucket; `s3:PutObject` with `bucket-owner-full-control` under `<prefix>/AWSLogs/<organization_id>/` and `<prefix>/AWSLogs/<management_account_id>/`; `kms:GenerateDataKey*` under the CloudTrail encryption context and `kms:DescribeKey` on the key.",
    "Each member account of the organization (`aws:PrincipalOrgID`; optionally only principals matching `member_principal_arn_pattern` or carrying `member_principal_tag`): `s3:GetObject` under `<prefix>/AWSLogs/<organization_id>/<its own account>/`, `s3:ListBucket` with that prefix (trailing slash required), `kms:Decrypt` through S3 in the home region. Never another member's folder.",
    "The management account (the trail's owner): `kms:Decrypt` under the CloudTrail encryption context, which AWS requires to create or update a trail whose bucket uses an S3 Bucket Key.",
    "The log-archive account: administers the key (`kms:*` for its root, so its identity policies decide); its principals read through their identity policies.",
    "S3 server access logging: writes the archive bucket's access logs into the access-log bucket, for that bucket and account only.",
    "Anyone: nothing over plain HTTP (both buckets deny `aws:SecureTransport` = false).",
  ],
  notes: [
    "The `bucket_name` and `kms_key_arn` outputs carry `depends_on` on the bucket policy and the key: pass them to the organization-trail module so the trail is created after both (otherwise CreateTrail fails with InsufficientS3BucketPolicyException).",
    "Members must list `AWSLogs/<organization_id>/<account>/` with the trailing slash; the reading principal also needs an identity policy in its own account allowing the same actions.",
    "The KMS encryption context names the trail, not the member account: isolation between members rests on the bucket policy's prefix.",
    "No `aws_s3_bucket_acl` and no 'deny unencrypted uploads' statement: both break organization trails.",
    "Pass the `trail_wiring` output to the organization-trail module's `log_archive` input: a trail that does not match this archive (name, region, account, bucket, key prefix, key) then fails at plan time.",
    "Nothing that holds logs is destroyed by a change of inputs: the archive bucket, the access-log bucket and the created key carry `lifecycle { prevent_destroy = true }`, so Terraform refuses any plan that would destroy or replace them (a new `bucket_name`, `create_access_log_bucket = false`, a `kms_key_arn` given after the key was created). The one deliberate way out: take the resource out of state first — `terraform state rm 'module.<name>.aws_kms_key.cloudtrail[0]' 'module.<name>.aws_kms_alias.cloudtrail[0]'` when switching to a brought key (the key, its alias and its policy stay in AWS and keep decrypting the history), or the bucket and the `aws_s3_bucket_*` resources that configure it — then apply. Schedule the key's deletion or empty the bucket yourself, and only once its logs have expired.",
    "Object Lock (`object_lock_mode`) can be turned on for the existing bucket in place: it is enabled by `aws_s3_bucket_object_lock_configuration` on the versioned bucket, never by the bucket's own `object_lock_enabled` (which would replace the bucket). It cannot be turned off again once on.",
    "After moving `s3_key_prefix`, list the old prefix in `previous_key_prefixes` (`\"\"` for none): members keep reading their own folders there; CloudTrail writes only under the new prefix.",
  ],
});
