# Two accounts: the log archive (bucket and key) in a dedicated log-archive account, the organization trail in the
# management account. The modules are orgtrail's output for the example organization (`npm run synth`), vendored as
# a consumer would under ../vendor/orgtrail (kept current by `npm run golden`; `npm test` fails when they drift).

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100, < 7.0"
    }
  }
}

variable "management_account_id" {
  type        = string
  description = "Management account: owns the organization trail."
  default     = "111111111111"
}

variable "log_archive_account_id" {
  type        = string
  description = "Dedicated log-archive account: owns the bucket and the key."
  default     = "222222222222"
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = [var.management_account_id]
}

provider "aws" {
  alias               = "log_archive"
  region              = "us-east-1"
  allowed_account_ids = [var.log_archive_account_id]
  # assume_role { role_arn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole" }
}

module "log_archive" {
  source    = "../vendor/orgtrail/log-archive"
  providers = { aws = aws.log_archive }

  organization_id        = "o-exampleorgid"
  management_account_id  = var.management_account_id
  log_archive_account_id = var.log_archive_account_id
  trail_name             = "org-trail"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
  s3_key_prefix          = "cloudtrail"

  tags = { team = "platform" }
}

module "organization_trail" {
  source = "../vendor/orgtrail/organization-trail"

  trail_name    = "org-trail"
  bucket_name   = module.log_archive.bucket_name # waits for the bucket policy
  s3_key_prefix = "cloudtrail"
  kms_key_arn   = module.log_archive.kms_key_arn # waits for the key policy
  log_archive   = module.log_archive.trail_wiring # the plan fails on any mismatch with the archive

  tags = { team = "platform" }
}

output "trail_arn" {
  description = "ARN of the organization trail."
  value       = module.organization_trail.trail_arn
}

output "member_log_prefix" {
  description = "Where each member account lists and reads its own logs."
  value       = module.log_archive.member_log_prefix
}
