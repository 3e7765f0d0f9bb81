# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the policies as Terraform plans them, not as text.

mock_provider "aws" {}

variables {
  organization_id        = "o-exampleorgid"
  management_account_id  = "111111111111"
  log_archive_account_id = "222222222222"
  trail_name             = "org-trail"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
}

run "bucket_policy_lets_cloudtrail_write_only_for_the_trail" {
  command = plan

  assert {
    condition = alltrue([
      for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement :
      s.Condition.StringEquals["aws:SourceArn"] == "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
      if try(s.Principal.Service, "") == "cloudtrail.amazonaws.com"
    ])
    error_message = "Every CloudTrail statement must be bound to the organization trail by aws:SourceArn."
  }

  assert {
    condition = toset([
      for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Resource if s.Action == "s3:PutObject"
      ]) == toset([
      "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/*",
      "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/111111111111/*",
    ])
    error_message = "CloudTrail writes under the organization and the management-account prefixes only."
  }
}

run "members_read_only_their_own_folder" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Resource if s.Sid == "MemberReadOwnLogs"]) == "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/$${aws:PrincipalAccount}/*"
    error_message = "Member reads must be scoped to the caller's own account folder."
  }

  assert {
    condition     = one([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Condition.StringEquals["aws:PrincipalOrgID"] if s.Sid == "MemberReadOwnLogs"]) == "o-exampleorgid"
    error_message = "Member reads require the organization."
  }
}

run "member_access_off_removes_member_statements" {
  command = plan

  variables {
    member_read_access = false
  }

  assert {
    condition     = length([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s if startswith(s.Sid, "Member")]) == 0
    error_message = "No member statement may remain when member_read_access is false."
  }

  assert {
    condition     = length([for s in jsondecode(aws_kms_key.cloudtrail[0].policy).Statement : s if startswith(s.Sid, "Member")]) == 0
    error_message = "No member decrypt may remain when member_read_access is false."
  }
}

run "key_policy_statements" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.cloudtrail[0].policy).Statement : s.Principal.AWS if s.Sid == "KeyAdministration"]) == "arn:aws:iam::222222222222:root"
    error_message = "The log-archive account's root administers the key."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.cloudtrail[0].policy).Statement : s.Condition.StringEquals["aws:SourceArn"] if s.Sid == "CloudTrailEncryptLogs"]) == "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
    error_message = "CloudTrail may encrypt only for the organization trail."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.cloudtrail[0].policy).Statement : s.Condition.StringEquals["kms:ViaService"] if s.Sid == "MemberDecryptLogsThroughS3"]) == "s3.us-east-1.amazonaws.com"
    error_message = "Members decrypt only through S3 in the home region."
  }

  assert {
    condition     = aws_kms_key.cloudtrail[0].enable_key_rotation
    error_message = "Key rotation must be on."
  }
}

run "narrowing_by_principal_arn_and_tag" {
  command = plan

  variables {
    member_principal_arn_pattern = "arn:aws:iam::*:role/LogReader"
    member_principal_tag         = { key = "team", value = "security" }
  }

  assert {
    condition     = one([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Condition.ArnLike["aws:PrincipalArn"] if s.Sid == "MemberListOwnLogs"]) == "arn:aws:iam::*:role/LogReader"
    error_message = "The principal ARN pattern narrows member listing."
  }

  assert {
    condition     = one([for s in jsondecode(aws_kms_key.cloudtrail[0].policy).Statement : s.Condition.StringEquals["aws:PrincipalTag/team"] if s.Sid == "MemberDecryptLogsThroughS3"]) == "security"
    error_message = "The principal tag narrows member decrypt."
  }
}

run "brought_key_creates_no_key" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = length(aws_kms_key.cloudtrail) == 0 && length(aws_kms_alias.cloudtrail) == 0
    error_message = "No key or alias is created when a key is brought."
  }

  assert {
    condition     = one(aws_s3_bucket_server_side_encryption_configuration.log_archive.rule).apply_server_side_encryption_by_default[0].kms_master_key_id == var.kms_key_arn
    error_message = "The bucket encrypts with the brought key."
  }
}

run "previous_key_prefixes_stay_readable_and_are_never_written" {
  command = plan

  variables {
    s3_key_prefix         = "cloudtrail-v2"
    previous_key_prefixes = ["cloudtrail", ""]
  }

  assert {
    condition = one([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Resource if s.Sid == "MemberReadOwnLogsPreviousPrefixes"]) == [
      "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/$${aws:PrincipalAccount}/*",
      "arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/$${aws:PrincipalAccount}/*",
    ]
    error_message = "Members read their own folder under each previous prefix."
  }

  assert {
    condition = toset([
      for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s.Resource if s.Action == "s3:PutObject"
      ]) == toset([
      "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail-v2/AWSLogs/o-exampleorgid/*",
      "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail-v2/AWSLogs/111111111111/*",
    ])
    error_message = "CloudTrail writes under the current prefix only."
  }
}

run "no_previous_key_prefixes_no_extra_statement" {
  command = plan

  assert {
    condition     = length([for s in jsondecode(aws_s3_bucket_policy.log_archive.policy).Statement : s if endswith(s.Sid, "PreviousPrefixes")]) == 0
    error_message = "Without previous prefixes the policy has no statement for them."
  }
}

# Plans only: the buckets and the key carry lifecycle.prevent_destroy, so the destroy that ends an applied test run
# would be refused. The outputs a trail is wired with are known at plan time (they are built from the inputs).
run "outputs_known_at_plan" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = output.bucket_name == "example-org-cloudtrail-logs" && output.bucket_arn == "arn:aws:s3:::example-org-cloudtrail-logs"
    error_message = "Bucket outputs must be set."
  }

  assert {
    condition     = output.kms_key_arn == var.kms_key_arn && output.access_log_bucket_name == "example-org-cloudtrail-logs-access-logs"
    error_message = "Key and access-log outputs must be set."
  }

  assert {
    condition     = output.trail_arn == "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"
    error_message = "The trail ARN output must name the management account's trail."
  }
}

run "china_partition_decrypts_through_the_china_s3_endpoint" {
  command = plan

  variables {
    partition         = "aws-cn"
    trail_home_region = "cn-north-1"
  }

  assert {
    condition     = one([for s in jsondecode(local.cloudtrail_key_policy).Statement : s.Condition.StringEquals["kms:ViaService"] if s.Sid == "MemberDecryptLogsThroughS3"]) == "s3.cn-north-1.amazonaws.com.cn"
    error_message = "In aws-cn, members decrypt through s3.<region>.amazonaws.com.cn."
  }

  assert {
    condition     = one([for s in jsondecode(local.cloudtrail_key_policy).Statement : s.Principal.AWS if s.Sid == "KeyAdministration"]) == "arn:aws-cn:iam::222222222222:root"
    error_message = "Every ARN names the aws-cn partition."
  }
}
