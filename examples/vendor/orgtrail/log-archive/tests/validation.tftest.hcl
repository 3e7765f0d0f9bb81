# Variable validation mirrors orgtrail's config rules: each bad value is rejected at plan time.

mock_provider "aws" {}

variables {
  organization_id        = "o-exampleorgid"
  management_account_id  = "111111111111"
  log_archive_account_id = "222222222222"
  trail_name             = "org-trail"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
}

run "rejects_bad_organization_id" {
  command = plan
  variables { organization_id = "org-123" }
  expect_failures = [var.organization_id]
}

run "rejects_bad_account_ids" {
  command = plan
  variables {
    management_account_id  = "12345"
    log_archive_account_id = "abcdefghijkl"
  }
  expect_failures = [var.management_account_id, var.log_archive_account_id]
}

run "rejects_bad_bucket_name" {
  command = plan
  variables { bucket_name = "Bad_Bucket" }
  expect_failures = [var.bucket_name]
}

run "rejects_key_prefix_with_slashes" {
  command = plan
  variables { s3_key_prefix = "/logs/" }
  expect_failures = [var.s3_key_prefix]
}

run "rejects_previous_key_prefix_with_slashes" {
  command = plan
  variables { previous_key_prefixes = ["", "old/"] }
  expect_failures = [var.previous_key_prefixes]
}

run "rejects_reserved_kms_alias" {
  command = plan
  variables { kms_alias_name = "alias/aws/s3" }
  expect_failures = [var.kms_alias_name]
}

run "rejects_unknown_object_lock_mode" {
  command = plan
  variables { object_lock_mode = "LEGAL_HOLD" }
  expect_failures = [var.object_lock_mode]
}

run "rejects_bad_trail_name_and_region" {
  command = plan
  variables {
    trail_name        = "my--trail"
    trail_home_region = "useast1"
  }
  expect_failures = [var.trail_name, var.trail_home_region]
}
