# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the SCP as Terraform plans it, not as text.

mock_provider "aws" {}

variables {
  management_account_id = "111111111111"
  trail_home_region     = "us-east-1"
  trail_name            = "org-trail"
  target_ids            = ["r-ab12", "ou-ab12-abcd1234"]
  break_glass_role_name = "BreakGlass"
}

run "scp_denies_trail_changes_except_break_glass" {
  command = plan

  assert {
    condition     = aws_organizations_policy.trail_guardrail.type == "SERVICE_CONTROL_POLICY" && length(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement) == 1
    error_message = "The guardrail is a service control policy with one statement."
  }

  assert {
    condition = jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[0] == {
      Sid       = "DenyOrganizationTrailChanges"
      Effect    = "Deny"
      Action    = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"]
      Resource  = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
      Condition = { ArnNotLike = { "aws:PrincipalArn" = ["arn:aws:iam::*:role/BreakGlass", "arn:aws:iam::*:role/*/BreakGlass"] } }
    }
    error_message = "The SCP denies stopping, deleting, updating the organization trail and changing its selectors, except to roles named break_glass_role_name (with or without a path)."
  }

  assert {
    condition     = toset(keys(aws_organizations_policy_attachment.trail_guardrail)) == toset(var.target_ids)
    error_message = "The SCP is attached to each target, addressed by its ID."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    target_ids            = []
    break_glass_role_name = "break/glass"
    trail_home_region     = "useast1"
  }

  expect_failures = [var.target_ids, var.break_glass_role_name, var.trail_home_region]
}

run "rejects_a_target_that_is_no_root_ou_or_account" {
  command = plan

  variables {
    target_ids = ["o-exampleorgid"]
  }

  expect_failures = [var.target_ids]
}

run "refuses_the_management_account_as_a_target" {
  command = plan

  variables {
    target_ids = ["r-ab12", "111111111111"]
  }

  expect_failures = [aws_organizations_policy_attachment.trail_guardrail]
}

run "apply_without_break_glass_sets_outputs" {
  command = apply

  variables {
    break_glass_role_name = null
  }

  assert {
    condition     = !can(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[0].Condition)
    error_message = "Without break_glass_role_name nobody is exempt: the Deny has no condition."
  }

  assert {
    condition     = output.policy_id != null && output.policy_arn != null
    error_message = "The SCP's ID and ARN must be output."
  }
}
