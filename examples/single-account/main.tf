# Single account, as in the AWS documents: the bucket, the key and the organization trail all in the management
# account. The modules are orgtrail's output for the example organization (`npm run synth`), vendored as a consumer
# would under ../vendor/orgtrail (kept current by `npm run golden`; `npm test` fails when they drift).

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
  allowed_account_ids = ["111111111111"]
}

module "log_archive" {
  source = "../vendor/orgtrail/log-archive"

  organization_id        = "o-exampleorgid"
  management_account_id  = "111111111111"
  log_archive_account_id = "111111111111"
  trail_name             = "org-trail"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
}

module "organization_trail" {
  source = "../vendor/orgtrail/organization-trail"

  trail_name  = "org-trail"
  bucket_name = module.log_archive.bucket_name
  kms_key_arn = module.log_archive.kms_key_arn
  log_archive = module.log_archive.trail_wiring # the plan fails on any mismatch with the archive
}

output "trail_arn" {
  description = "ARN of the organization trail."
  value       = module.organization_trail.trail_arn
}
