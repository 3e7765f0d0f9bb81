# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the table, the workgroup and the identity policy as Terraform plans them, not as text.

mock_provider "aws" {
  # The attachment validates the policy ARN: the mock returns a well-formed one.
  mock_resource "aws_iam_policy" {
    defaults = {
      arn = "arn:aws:iam::333333333333:policy/OrgTrailQueryOwnCloudTrailLogs"
    }
  }
}

variables {
  organization_id        = "o-exampleorgid"
  management_account_id  = "111111111111"
  log_archive_account_id = "222222222222"
  trail_home_region      = "us-east-1"
  bucket_name            = "example-org-cloudtrail-logs"
  s3_key_prefix          = "cloudtrail"
  member_account_id      = "333333333333"
  role_names             = ["SecurityAnalyst"]
}

run "the_table_reads_only_this_accounts_folder_with_projected_partitions" {
  command = plan

  assert {
    condition     = one(aws_glue_catalog_table.cloudtrail.storage_descriptor).location == "s3://example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/CloudTrail/"
    error_message = "The table's location is the member account's CloudTrail folder, under the key prefix."
  }

  assert {
    condition     = aws_glue_catalog_table.cloudtrail.parameters["storage.location.template"] == "s3://example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/CloudTrail/$${region}/$${day}"
    error_message = "Partitions are projected from the region and day folders (Athena's placeholders, not Terraform's)."
  }

  assert {
    condition     = aws_glue_catalog_table.cloudtrail.parameters["projection.enabled"] == "true" && aws_glue_catalog_table.cloudtrail.parameters["projection.day.format"] == "yyyy/MM/dd" && aws_glue_catalog_table.cloudtrail.parameters["projection.day.range"] == "2020/01/01,NOW" && contains(split(",", aws_glue_catalog_table.cloudtrail.parameters["projection.region.values"]), "eu-west-1")
    error_message = "Partition projection on region (enum of the regions) and day (yyyy/MM/dd from projection_start_date)."
  }

  assert {
    condition     = [for k in aws_glue_catalog_table.cloudtrail.partition_keys : k.name] == ["region", "day"] && one(one(aws_glue_catalog_table.cloudtrail.storage_descriptor).ser_de_info).serialization_library == "com.amazon.emr.hive.serde.CloudTrailSerde"
    error_message = "CloudTrail SerDe, partitioned by region and day."
  }
}

run "results_are_encrypted_in_the_members_own_bucket" {
  command = plan

  assert {
    condition     = aws_s3_bucket.query_results.bucket == "orgtrail-athena-results-333333333333-us-east-1"
    error_message = "The results bucket defaults to orgtrail-athena-results-<account>-<region>."
  }

  assert {
    condition     = one(one(one(aws_athena_workgroup.cloudtrail.configuration).result_configuration).encryption_configuration).encryption_option == "SSE_S3" && one(aws_athena_workgroup.cloudtrail.configuration).enforce_workgroup_configuration == true && one(one(aws_athena_workgroup.cloudtrail.configuration).result_configuration).output_location == "s3://orgtrail-athena-results-333333333333-us-east-1/" && one(one(aws_athena_workgroup.cloudtrail.configuration).result_configuration).expected_bucket_owner == "333333333333"
    error_message = "The workgroup enforces encrypted results in the member's bucket."
  }
}

run "the_policy_names_this_accounts_resources_only" {
  command = plan

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.query_own_logs.policy).Statement : s.Resource if s.Sid == "ReadOwnLogs"]) == "arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*"
    error_message = "Reads only the account's own folder."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.query_own_logs.policy).Statement : s.Resource if s.Sid == "QueryInOwnWorkgroup"]) == "arn:aws:athena:us-east-1:333333333333:workgroup/orgtrail-cloudtrail"
    error_message = "Athena on the module's workgroup only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.query_own_logs.policy).Statement : s.Resource if s.Sid == "ReadOwnLogTable"]) == ["arn:aws:glue:us-east-1:333333333333:catalog", "arn:aws:glue:us-east-1:333333333333:database/orgtrail_cloudtrail", "arn:aws:glue:us-east-1:333333333333:table/orgtrail_cloudtrail/cloudtrail_logs"]
    error_message = "Glue on the catalog, the module's database and table only."
  }

  assert {
    condition     = keys(aws_iam_role_policy_attachment.query_own_logs) == ["SecurityAnalyst"]
    error_message = "The policy is attached to role_names."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    member_account_id     = "3333"
    database_name         = "Bad-Name"
    projection_start_date = "2020-01-01"
    regions               = ["mars-1"]
  }

  expect_failures = [var.member_account_id, var.database_name, var.projection_start_date, var.regions]
}

run "apply_sets_outputs" {
  command = apply

  assert {
    condition     = output.table_name == "cloudtrail_logs" && output.workgroup_name == "orgtrail-cloudtrail" && output.results_bucket_name == "orgtrail-athena-results-333333333333-us-east-1" && output.policy_arn == "arn:aws:iam::333333333333:policy/OrgTrailQueryOwnCloudTrailLogs"
    error_message = "The outputs name the table, workgroup, results bucket and policy."
  }
}
