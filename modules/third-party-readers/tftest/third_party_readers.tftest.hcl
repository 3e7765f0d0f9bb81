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
  third_party_readers = {
    SiemVendor = { account_id = "999999999999", external_id = "siem-ext-id-1234" }
    Auditor    = { account_id = "888888888888", external_id = "aud:1/2", require_mfa = true, accounts = ["333333333333", "444444444444"] }
  }
}

run "trust_only_the_third_party_with_its_external_id" {
  command = plan

  assert {
    condition = alltrue([
      for k, r in aws_iam_role.third_party_reader : length(jsondecode(r.assume_role_policy).Statement) == 1 && jsondecode(r.assume_role_policy).Statement[0].Action == "sts:AssumeRole"
    ])
    error_message = "Each role has one trust statement, for sts:AssumeRole."
  }

  assert {
    condition     = jsondecode(aws_iam_role.third_party_reader["SiemVendor"].assume_role_policy).Statement[0].Principal.AWS == "arn:aws:iam::999999999999:root" && jsondecode(aws_iam_role.third_party_reader["Auditor"].assume_role_policy).Statement[0].Principal.AWS == "arn:aws:iam::888888888888:root"
    error_message = "Each role must trust only its third party's account root."
  }

  assert {
    condition     = jsondecode(aws_iam_role.third_party_reader["SiemVendor"].assume_role_policy).Statement[0].Condition == { StringEquals = { "sts:ExternalId" = "siem-ext-id-1234" } }
    error_message = "AssumeRole must present exactly the external ID (StringEquals), and no MFA unless required."
  }

  assert {
    condition     = jsondecode(aws_iam_role.third_party_reader["Auditor"].assume_role_policy).Statement[0].Condition == { StringEquals = { "sts:ExternalId" = "aud:1/2" }, Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    error_message = "require_mfa must add the Bool aws:MultiFactorAuthPresent condition next to the external ID."
  }
}

run "readers_read_only_their_granted_folders" {
  command = plan

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.third_party_reader["SiemVendor"].policy).Statement : try(s.Resource, s.NotResource) if s.Action == "s3:GetObject"
    ] == [["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/*"], ["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/*"]]
    error_message = "Without accounts, a third party reads the organization's folder (every account) and nothing outside it."
  }

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.third_party_reader["Auditor"].policy).Statement : try(s.Resource, s.NotResource) if s.Action == "s3:GetObject"
      ] == [
      ["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*", "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/444444444444/*"],
      ["arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*", "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/444444444444/*"],
    ]
    error_message = "With accounts, a third party reads those account folders only (Allow) and nothing outside them (Deny NotResource)."
  }

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.third_party_reader["Auditor"].policy).Statement : try(s.Condition.StringLike["s3:prefix"], s.Condition.StringNotLike["s3:prefix"]) if s.Action == "s3:ListBucket"
      ] == [
      ["cloudtrail/AWSLogs/o-exampleorgid/333333333333/*", "cloudtrail/AWSLogs/o-exampleorgid/444444444444/*"],
      ["cloudtrail/AWSLogs/o-exampleorgid/333333333333/*", "cloudtrail/AWSLogs/o-exampleorgid/444444444444/*"],
    ]
    error_message = "With accounts, a third party lists inside those folders only and is denied any other prefix."
  }

  assert {
    condition = toset([
      for s in jsondecode(aws_iam_role_policy.third_party_reader["SiemVendor"].policy).Statement : "${s.Effect} ${s.Action}"
    ]) == toset(["Allow s3:GetObject", "Allow s3:ListBucket", "Deny s3:GetObject", "Deny s3:ListBucket", "Allow kms:Decrypt"])
    error_message = "A third party may read, list and decrypt, and nothing else (never s3:*)."
  }
}

run "previous_key_prefixes_stay_readable" {
  command = plan

  variables {
    previous_key_prefixes = ["", "old"]
  }

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.third_party_reader["Auditor"].policy).Statement : s.Resource if s.Sid == "ReadAccountLogs"
      ] == [[
        "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/444444444444/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/333333333333/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/444444444444/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/old/AWSLogs/o-exampleorgid/333333333333/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/old/AWSLogs/o-exampleorgid/444444444444/*",
    ]]
    error_message = "The granted account folders under the current prefix and under each previous one."
  }

  assert {
    condition = [
      for s in jsondecode(aws_iam_role_policy.third_party_reader["SiemVendor"].policy).Statement : s.NotResource if s.Sid == "DenyReadOutsideScope"
      ] == [[
        "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/*",
        "arn:aws:s3:::example-org-cloudtrail-logs/old/AWSLogs/o-exampleorgid/*",
    ]]
    error_message = "The Deny outside the scope leaves the previous prefixes readable too."
  }
}

run "refuses_the_management_account_as_a_third_party" {
  command = plan

  variables {
    third_party_readers = {
      NotAThirdParty = { account_id = "111111111111", external_id = "ext-id-1234" }
    }
  }

  expect_failures = [aws_iam_role.third_party_reader]
}

run "refuses_a_reader_policy_over_the_size_limit" {
  command = plan

  variables {
    third_party_readers = {
      Auditor = { account_id = "888888888888", external_id = "aud:1/2", accounts = [for i in range(40) : format("3333333333%02d", i)] }
    }
  }

  expect_failures = [aws_iam_role_policy.third_party_reader]
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    third_party_readers = {
      "bad name" = { account_id = "99", external_id = "x", accounts = ["333"] }
    }
  }

  expect_failures = [var.third_party_readers]
}

run "apply_sets_outputs" {
  command = apply

  assert {
    condition     = keys(output.role_arns) == ["Auditor", "SiemVendor"] && alltrue([for a in values(output.role_arns) : a != null])
    error_message = "role_arns must map every third-party role name to its ARN."
  }
}
