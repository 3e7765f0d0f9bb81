# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).

mock_provider "aws" {}

variables {
  trail_name  = "org-trail"
  bucket_name = "example-org-cloudtrail-logs"
  kms_key_arn = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

run "organization_trail_defaults" {
  command = plan

  assert {
    condition     = aws_cloudtrail.organization.is_organization_trail && aws_cloudtrail.organization.is_multi_region_trail
    error_message = "The trail must be a multi-region organization trail."
  }

  assert {
    condition     = aws_cloudtrail.organization.enable_log_file_validation && aws_cloudtrail.organization.include_global_service_events
    error_message = "Log file validation and global service events must be on."
  }

  assert {
    condition     = aws_cloudtrail.organization.kms_key_id == var.kms_key_arn && aws_cloudtrail.organization.s3_key_prefix == null
    error_message = "The trail encrypts with the given key and has no prefix unless asked."
  }
}

run "key_prefix_is_passed_through" {
  command = plan
  variables { s3_key_prefix = "org/cloudtrail" }

  assert {
    condition     = aws_cloudtrail.organization.s3_key_prefix == "org/cloudtrail"
    error_message = "The key prefix must reach the trail."
  }
}

run "rejects_bad_inputs" {
  command = plan
  variables {
    trail_name  = "-trail"
    kms_key_arn = "alias/aws/s3"
  }
  expect_failures = [var.trail_name, var.kms_key_arn]
}

run "apply_sets_outputs" {
  command = apply

  assert {
    condition     = output.trail_name == "org-trail" && output.trail_arn != null && output.trail_home_region != null
    error_message = "Outputs must be set."
  }
}
