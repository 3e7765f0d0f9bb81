# Three accounts: the management account registers a CloudTrail delegated administrator; the log archive (bucket and
# key) lives in a dedicated log-archive account; the delegated administrator creates the organization trail, its
# CloudWatch Logs log group and its SNS topic. The trail is still owned by the management account, so every policy
# names arn:aws:cloudtrail:<region>:<management-account>:trail/<name>. Order of operations (Terraform derives it):
#   1. management account: register the delegated administrator;
#   2. log-archive account: key (with the CloudWatch Logs, SNS and delegated-admin statements) and bucket policy;
#   3. delegated administrator: log group, delivery role and topic, then the trail.
# The modules are orgtrail's output for the example organization (`npm run synth`), vendored as a consumer would under
# ../vendor/orgtrail (kept current by `npm run golden`; `npm test` fails when they drift).

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
  description = "Management account: owns the organization trail and registers the delegated administrator."
  default     = "111111111111"
}

variable "log_archive_account_id" {
  type        = string
  description = "Dedicated log-archive account: owns the bucket and the key."
  default     = "222222222222"
}

variable "delegated_admin_account_id" {
  type        = string
  description = "CloudTrail delegated administrator: creates and manages the trail."
  default     = "333333333333"
}

provider "aws" {
  region              = "us-east-1"
  allowed_account_ids = [var.management_account_id]
}

provider "aws" {
  alias               = "log_archive"
  region              = "us-east-1"
  allowed_account_ids = [var.log_archive_account_id]
}

provider "aws" {
  alias               = "delegated_admin"
  region              = "us-east-1"
  allowed_account_ids = [var.delegated_admin_account_id]
}

resource "aws_cloudtrail_organization_delegated_admin_account" "trail_admin" {
  account_id = var.delegated_admin_account_id
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

  # The trail key also encrypts the log group and the topic, and the delegated admin may decrypt like the owner.
  cloud_watch_logs_group_arn = module.organization_trail.cloud_watch_logs_group_arn
  sns_topic_arn              = module.organization_trail.sns_topic_arn
  delegated_admin_account_id = var.delegated_admin_account_id
}

module "organization_trail" {
  source     = "../vendor/orgtrail/organization-trail"
  providers  = { aws = aws.delegated_admin }
  depends_on = [aws_cloudtrail_organization_delegated_admin_account.trail_admin]

  trail_name                 = "org-trail"
  bucket_name                = module.log_archive.bucket_name # waits for the bucket policy
  kms_key_arn                = module.log_archive.kms_key_arn # waits for the key policy
  log_archive                = module.log_archive.trail_wiring # the plan fails on any mismatch with the archive
  management_account_id      = var.management_account_id
  trail_home_region          = "us-east-1"
  delegated_admin_account_id = var.delegated_admin_account_id

  cloud_watch_logs_enabled        = true
  cloud_watch_logs_retention_days = 90
  sns_topic_enabled               = true

  management_events_exclude_sources = ["kms.amazonaws.com", "rdsdata.amazonaws.com"]
  data_events_s3                    = [{ bucket_name = "example-sensitive-bucket" }, { bucket_name = "example-finance-bucket", prefix = "reports/" }]
  data_events_lambda_function_arns  = ["arn:aws:lambda:us-east-1:444444444444:function:payments"]
  insight_types                     = ["ApiCallRateInsight", "ApiErrorRateInsight"]
}

output "trail_arn" {
  description = "ARN of the organization trail (owned by the management account)."
  value       = module.organization_trail.trail_arn
}

output "cloud_watch_logs_group_arn" {
  description = "Log group for metric filters and alarms."
  value       = module.organization_trail.cloud_watch_logs_group_arn
}
