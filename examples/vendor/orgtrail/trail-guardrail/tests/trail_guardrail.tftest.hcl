# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the SCP as Terraform plans it, not as text.

mock_provider "aws" {}

variables {
  management_account_id  = "111111111111"
  organization_id        = "o-exampleorgid"
  trail_home_region      = "us-east-1"
  trail_name             = "org-trail"
  target_ids             = ["r-ab12", "ou-ab12-abcd1234"]
  log_archive_account_id = "222222222222"
  bucket_name            = "example-org-cloudtrail-logs"
  exempt_principal_arns  = ["arn:aws:iam::222222222222:role/OrgTrailDeploy", "arn:aws:iam::222222222222:role/break-glass/*"]
}

run "scp_denies_trail_changes_except_exact_exempt_roles" {
  command = plan

  assert {
    condition     = aws_organizations_policy.trail_guardrail.type == "SERVICE_CONTROL_POLICY" && [for s in jsondecode(aws_organizations_policy.trail_guardrail.content).Statement : s.Sid] == ["DenyOrganizationTrailChanges", "DenyExemptRoleChanges", "DenyArchiveChanges", "DenyTrailKeyChanges"]
    error_message = "The guardrail is a service control policy: the trail, the exempt roles, the archive bucket and the trail key."
  }

  assert {
    condition = jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[0] == {
      Sid       = "DenyOrganizationTrailChanges"
      Effect    = "Deny"
      Action    = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"]
      Resource  = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
      Condition = { ArnNotLike = { "aws:PrincipalArn" = ["arn:aws:iam::222222222222:role/OrgTrailDeploy", "arn:aws:iam::222222222222:role/break-glass/*"] } }
    }
    error_message = "The SCP denies stopping, deleting, updating the organization trail and changing its selectors, except to the exact exempt roles."
  }

  assert {
    condition     = tolist(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[1].Resource) == tolist(var.exempt_principal_arns) && contains(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[1].Action, "iam:CreateRole")
    error_message = "Nobody but the exempt roles may create or change the exempt roles."
  }

  assert {
    condition     = jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[3].Resource == "arn:aws:kms:us-east-1:222222222222:key/*" && jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[3].Condition["ForAnyValue:StringEquals"]["kms:ResourceAliases"] == "alias/orgtrail-cloudtrail"
    error_message = "A created trail key is matched by its alias among the log-archive account's keys."
  }

  assert {
    condition     = toset(keys(aws_organizations_policy_attachment.trail_guardrail)) == toset(var.target_ids)
    error_message = "The SCP is attached to each target, addressed by its ID."
  }
}

run "data_perimeter_is_an_rcp_on_the_same_targets" {
  command = plan

  variables {
    organization_id = "o-exampleorgid"
    data_perimeter  = true
  }

  assert {
    condition     = aws_organizations_policy.data_perimeter[0].type == "RESOURCE_CONTROL_POLICY" && toset(keys(aws_organizations_policy_attachment.data_perimeter)) == toset(var.target_ids)
    error_message = "The data perimeter is a resource control policy attached to each target."
  }

  assert {
    condition     = [for s in jsondecode(aws_organizations_policy.data_perimeter[0].content).Statement : s.Condition] == [{ StringNotEqualsIfExists = { "aws:PrincipalOrgID" = "o-exampleorgid" }, BoolIfExists = { "aws:PrincipalIsAWSService" = "false" } }, { StringNotEqualsIfExists = { "aws:SourceOrgID" = "o-exampleorgid" }, Null = { "aws:SourceAccount" = "false" }, Bool = { "aws:PrincipalIsAWSService" = "true" } }, { StringEquals = { "aws:PrincipalServiceName" = "cloudtrail.amazonaws.com" }, ArnNotEquals = { "aws:SourceArn" = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail" } }]
    error_message = "Only the organization's principals, services acting for it, and CloudTrail for this trail pass the perimeter."
  }
}

run "a_brought_key_is_protected_by_its_arn" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:us-east-1:222222222222:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
  }

  assert {
    condition     = jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[3].Resource == var.kms_key_arn && !contains(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[2].Action, "kms:DeleteAlias")
    error_message = "A brought key is named by its ARN, and its alias is not the module's."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    target_ids            = []
    exempt_principal_arns = ["arn:aws:iam::*:role/BreakGlass"]
    trail_home_region     = "useast1"
  }

  expect_failures = [var.target_ids, var.exempt_principal_arns, var.trail_home_region]
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

run "apply_without_exemptions_or_archive_protection_sets_outputs" {
  command = apply

  variables {
    exempt_principal_arns = []
    protect_archive       = false
  }

  assert {
    condition     = length(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement) == 1 && !can(jsondecode(aws_organizations_policy.trail_guardrail.content).Statement[0].Condition)
    error_message = "Without exemptions nobody is exempt: the one Deny has no condition."
  }

  assert {
    condition     = output.policy_id != null && output.policy_arn != null && output.perimeter_policy_id == null && length(aws_organizations_policy.data_perimeter) == 0
    error_message = "The SCP's ID and ARN must be output; without data_perimeter there is no RCP."
  }
}
