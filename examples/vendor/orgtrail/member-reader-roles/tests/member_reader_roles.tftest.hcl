# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the trust and reader policies as Terraform plans them, not as text.

mock_provider "aws" {}

variables {
  organization_id        = "o-exampleorgid"
  management_account_id  = "111111111111"
  log_archive_account_id = "222222222222"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
  s3_key_prefix          = "cloudtrail"
  member_roles = {
    "333333333333" = { require_mfa = true }
    "444444444444" = { role_name = "AuditReader", max_session_duration_seconds = 7200 }
  }
}

run "trust_only_the_member_account_with_mfa_when_required" {
  command = plan

  assert {
    condition = alltrue([
      for k, r in aws_iam_role.member_reader : jsondecode(r.assume_role_policy).Statement[0].Principal.AWS == "arn:aws:iam::${k}:root" && jsondecode(r.assume_role_policy).Statement[0].Action == "sts:AssumeRole" && length(jsondecode(r.assume_role_policy).Statement) == 1
    ])
    error_message = "Each role must trust only its own member account's root, for sts:AssumeRole."
  }

  assert {
    condition     = jsondecode(aws_iam_role.member_reader["333333333333"].assume_role_policy).Statement[0].Condition == { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    error_message = "require_mfa must add the Bool aws:MultiFactorAuthPresent condition (not BoolIfExists)."
  }

  assert {
    condition     = !can(jsondecode(aws_iam_role.member_reader["444444444444"].assume_role_policy).Statement[0].Condition)
    error_message = "A role without require_mfa has no condition."
  }

  assert {
    condition     = aws_iam_role.member_reader["333333333333"].name == "OrgTrailLogReader-333333333333" && aws_iam_role.member_reader["444444444444"].name == "AuditReader"
    error_message = "Role names default to OrgTrailLogReader-<account-id>, or role_name."
  }

  assert {
    condition     = aws_iam_role.member_reader["333333333333"].max_session_duration == 3600 && aws_iam_role.member_reader["444444444444"].max_session_duration == 7200
    error_message = "Sessions last max_session_duration_seconds, 3600 by default."
  }
}

run "each_role_reads_only_its_account_folder" {
  command = plan

  assert {
    condition = alltrue([
      for k, p in aws_iam_role_policy.member_reader : [
        for s in jsondecode(p.policy).Statement : try(s.Resource, s.NotResource) if s.Action == "s3:GetObject"
      ] == [["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/${k}/*"], ["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/${k}/*"]]
    ])
    error_message = "Each member role reads only its own account's folder (Allow) and nothing outside it (Deny NotResource)."
  }

  assert {
    condition = alltrue([
      for k, p in aws_iam_role_policy.member_reader : [
        for s in jsondecode(p.policy).Statement : try(s.Condition.StringLike["s3:prefix"], s.Condition.StringNotLike["s3:prefix"]) if s.Action == "s3:ListBucket" && try(s.Resource, "") == "arn:aws:s3:::example-org-cloudtrail-logs"
      ] == [["cloudtrail/AWSLogs/o-exampleorgid/${k}/*"], ["cloudtrail/AWSLogs/o-exampleorgid/${k}/*"]]
    ])
    error_message = "Each member role lists only inside its own account's folder (Allow StringLike) and is denied any other prefix (Deny StringNotLike)."
  }

  assert {
    condition = toset([
      for s in jsondecode(aws_iam_role_policy.member_reader["333333333333"].policy).Statement : "${s.Effect} ${s.Action}"
    ]) == toset(["Allow s3:GetObject", "Allow s3:ListBucket", "Deny s3:GetObject", "Deny s3:ListBucket", "Allow kms:Decrypt"])
    error_message = "A member role may read, list and decrypt, and is denied reads and listings outside its folder; nothing else."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.member_reader["333333333333"].policy).Statement : s if s.Sid == "DecryptLogsThroughS3"]).Resource == "arn:aws:kms:us-east-1:222222222222:key/*"
    error_message = "Without kms_key_arn the role decrypts with the log-archive account's keys in the home region only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.member_reader["333333333333"].policy).Statement : s if s.Sid == "DecryptLogsThroughS3"]).Condition.StringEquals["kms:ViaService"] == "s3.us-east-1.amazonaws.com"
    error_message = "Decrypt only through S3 in the home region."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    organization_id = "org-123"
    kms_key_arn     = "alias/aws/s3"
    member_roles = {
      "3333" = {}
    }
  }

  expect_failures = [var.organization_id, var.kms_key_arn, var.member_roles]
}

run "rejects_a_session_shorter_than_an_hour" {
  command = plan

  variables {
    member_roles = {
      "333333333333" = { max_session_duration_seconds = 60 }
    }
  }

  expect_failures = [var.member_roles]
}

run "apply_sets_outputs" {
  command = apply

  assert {
    condition     = keys(output.role_arns) == ["333333333333", "444444444444"] && alltrue([for a in values(output.role_arns) : a != null])
    error_message = "role_arns must map every member account to its role's ARN."
  }

  assert {
    condition     = output.role_names == { "333333333333" = "OrgTrailLogReader-333333333333", "444444444444" = "AuditReader" }
    error_message = "role_names must map every member account to its role's name."
  }
}
