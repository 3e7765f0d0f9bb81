# Access beyond the bucket policy: per-member reader roles and third-party readers in the log-archive account, IAM
# policies for CloudTrail operators and the trail guardrail SCP in the management account (docs/access.md).
# The modules are orgtrail's output (`npm run synth`), vendored under ./vendor/orgtrail:
#   cp -r cdktf.out/modules/{member-reader-roles,third-party-readers,cloudtrail-user-policies,trail-guardrail} \
#     examples/access/vendor/orgtrail/

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = ["111111111111"] # management account
}

provider "aws" {
  alias               = "log_archive"
  region              = "us-east-1"
  allowed_account_ids = ["222222222222"]
  # assume_role { role_arn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" }
}

locals {
  log_location = {
    organization_id        = "o-exampleorgid"
    management_account_id  = "111111111111"
    log_archive_account_id = "222222222222"
    trail_home_region      = "us-east-1"
    bucket_name            = "example-org-cloudtrail-logs"
    s3_key_prefix          = "cloudtrail"
    kms_key_arn            = null # or module.log_archive.kms_key_arn (then known only after the key exists)
  }
}

module "member_reader_roles" {
  source    = "../vendor/orgtrail/member-reader-roles"
  providers = { aws = aws.log_archive }

  organization_id        = local.log_location.organization_id
  management_account_id  = local.log_location.management_account_id
  log_archive_account_id = local.log_location.log_archive_account_id
  trail_home_region      = local.log_location.trail_home_region
  bucket_name            = local.log_location.bucket_name
  s3_key_prefix          = local.log_location.s3_key_prefix
  kms_key_arn            = local.log_location.kms_key_arn

  # One entry per member account: adding one adds its role and policy and changes no other.
  member_roles = {
    "333333333333" = { require_mfa = true }
    "444444444444" = { role_name = "AuditReader", max_session_duration_seconds = 7200 }
  }
}

module "third_party_readers" {
  source    = "../vendor/orgtrail/third-party-readers"
  providers = { aws = aws.log_archive }

  organization_id        = local.log_location.organization_id
  management_account_id  = local.log_location.management_account_id
  log_archive_account_id = local.log_location.log_archive_account_id
  trail_home_region      = local.log_location.trail_home_region
  bucket_name            = local.log_location.bucket_name
  s3_key_prefix          = local.log_location.s3_key_prefix
  kms_key_arn            = local.log_location.kms_key_arn

  third_party_readers = {
    SiemVendor = { account_id = "999999999999", external_id = "siem-ext-id-1234" }
    Auditor    = { account_id = "888888888888", external_id = "aud:1/2", require_mfa = true, accounts = ["333333333333", "444444444444"] }
  }
}

module "cloudtrail_user_policies" {
  source = "../vendor/orgtrail/cloudtrail-user-policies"

  management_account_id  = local.log_location.management_account_id
  log_archive_account_id = local.log_location.log_archive_account_id
  trail_home_region      = local.log_location.trail_home_region
  trail_name             = "org-trail"
  bucket_name            = local.log_location.bucket_name
  s3_key_prefix          = local.log_location.s3_key_prefix
  kms_key_arn            = local.log_location.kms_key_arn
}

module "trail_guardrail" {
  source = "../vendor/orgtrail/trail-guardrail"

  management_account_id = "111111111111"
  trail_home_region     = "us-east-1"
  trail_name            = "org-trail"
  target_ids            = ["r-ab12", "ou-ab12-abcd1234"]
  break_glass_role_name = "BreakGlass"
}

output "member_reader_role_arns" {
  description = "Reader role ARN by member account: each member grants its people sts:AssumeRole on its own role."
  value       = module.member_reader_roles.role_arns
}

output "third_party_reader_role_arns" {
  description = "Role ARN by third party: send it with the external ID."
  value       = module.third_party_readers.role_arns
}
