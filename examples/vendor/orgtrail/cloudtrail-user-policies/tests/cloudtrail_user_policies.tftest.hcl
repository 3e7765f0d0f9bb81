# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the policies as Terraform plans them, not as text.

mock_provider "aws" {}

variables {
  management_account_id  = "111111111111"
  log_archive_account_id = "222222222222"
  trail_home_region      = "us-east-1"
  trail_name             = "org-trail"
  bucket_name            = "example-org-cloudtrail-logs"
  s3_key_prefix          = "cloudtrail"
}

run "policy_statements" {
  command = plan

  assert {
    condition = one([
      for s in jsondecode(aws_iam_policy.protect_organization_trail[0].policy).Statement : s if s.Effect == "Deny"
      ]) == {
      Sid      = "DenyOrganizationTrailChanges"
      Effect   = "Deny"
      Action   = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors", "cloudtrail:StartLogging"]
      Resource = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
    }
    error_message = "The protect-trail policy denies stopping, starting, deleting, updating the organization trail and changing its selectors, on that trail's ARN."
  }

  assert {
    condition     = length(jsondecode(aws_iam_policy.protect_organization_trail[0].policy).Statement) == 1
    error_message = "The protect-trail policy allows nothing."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.cloudtrail_read_only[0].policy).Statement : s.Resource if s.Sid == "ReadLogObjects"]) == "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/*"
    error_message = "Read-only reads log files under <prefix>/AWSLogs/ only."
  }

  assert {
    condition = alltrue([
      for a in flatten([for s in jsondecode(aws_iam_policy.cloudtrail_read_only[0].policy).Statement : s.Action]) :
      can(regex("^(cloudtrail:(Describe|Get|List|LookupEvents)|s3:(GetObject|ListBucket|GetBucketLocation)$|kms:Decrypt$)", a))
    ])
    error_message = "Read-only grants describe, get, list and look-up actions, reading log files and decrypting them; nothing that changes a trail."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.cloudtrail_administration[0].policy).Statement : s.Condition.StringEquals["iam:PassedToService"] if s.Sid == "PassRolesToCloudTrailOnly"]) == "cloudtrail.amazonaws.com"
    error_message = "Administration may pass roles to CloudTrail only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.cloudtrail_administration[0].policy).Statement : s.Resource if s.Sid == "AdministerTrails"]) == "arn:aws:cloudtrail:*:111111111111:trail/*"
    error_message = "Administration covers this account's trails only."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    management_account_id = "12345"
    trail_name            = "my--trail"
    s3_key_prefix         = "logs*"
  }

  expect_failures = [var.management_account_id, var.trail_name, var.s3_key_prefix]
}

run "apply_sets_outputs_of_created_policies_only" {
  command = apply

  variables {
    create_administration_policy = false
  }

  assert {
    condition     = output.read_only_policy_arn != null && output.protect_trail_policy_arn != null
    error_message = "The ARN of each created policy must be output."
  }

  assert {
    condition     = output.administration_policy_arn == null && length(aws_iam_policy.cloudtrail_administration) == 0
    error_message = "A policy switched off is not created and its output is null."
  }
}
