# Shipped with the vendored module: run `terraform test` in the module folder (offline; the AWS provider is mocked).
# Asserts the metric filters and alarms as Terraform plans them.

mock_provider "aws" {}

variables {
  log_group_name  = "/aws/cloudtrail/org-trail"
  alarm_topic_arn = "arn:aws:sns:us-east-1:111111111111:org-trail-notifications"
  name_prefix     = "org-trail-"
}

run "a_filter_and_an_alarm_per_cis_control" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_log_metric_filter.cis) == 15 && keys(aws_cloudwatch_log_metric_filter.cis) == keys(aws_cloudwatch_metric_alarm.cis)
    error_message = "Every CIS control has a metric filter and an alarm, keyed by the same id."
  }

  assert {
    condition     = aws_cloudwatch_log_metric_filter.cis["root-account-usage"].pattern == "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}"
    error_message = "The root usage filter carries Security Hub's CloudWatch.1 pattern verbatim."
  }

  assert {
    condition     = alltrue([for k, f in aws_cloudwatch_log_metric_filter.cis : f.log_group_name == "/aws/cloudtrail/org-trail" && one(f.metric_transformation).namespace == "CISBenchmark" && one(f.metric_transformation).value == "1" && length(f.pattern) <= 1024])
    error_message = "Every filter reads the trail's log group and counts 1 per event in the namespace (patterns within CloudWatch's 1,024 characters)."
  }

  assert {
    condition     = alltrue([for k, a in aws_cloudwatch_metric_alarm.cis : a.alarm_actions == toset(["arn:aws:sns:us-east-1:111111111111:org-trail-notifications"]) && a.alarm_name == aws_cloudwatch_log_metric_filter.cis[k].name && a.metric_name == one(aws_cloudwatch_log_metric_filter.cis[k].metric_transformation).name && a.threshold == 1 && a.treat_missing_data == "notBreaching"])
    error_message = "Every alarm watches its filter's metric, fires on one event and notifies the topic."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.cis["organizations-changes"].alarm_name == "org-trail-OrganizationsChanges"
    error_message = "Names are the prefix and the metric name."
  }
}

run "alarms_off_one_by_one_or_all" {
  command = plan

  variables {
    disabled_alarms = ["vpc-changes", "nacl-changes"]
    namespace       = "Org/CIS"
    alarm_topic_arn = null
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cis) == 13 && !contains(keys(aws_cloudwatch_metric_alarm.cis), "vpc-changes") && !contains(keys(aws_cloudwatch_log_metric_filter.cis), "nacl-changes")
    error_message = "disabled_alarms removes those alarms and their filters only."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.cis : length(a.alarm_actions) == 0 && a.namespace == "Org/CIS"])
    error_message = "Without a topic the alarms have no action; the namespace is configurable."
  }
}

run "none_when_disabled" {
  command = plan

  variables {
    alarms_enabled = false
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cis) == 0 && length(aws_cloudwatch_log_metric_filter.cis) == 0
    error_message = "alarms_enabled = false creates nothing."
  }
}

run "rejects_bad_inputs" {
  command = plan

  variables {
    disabled_alarms = ["root"]
    namespace       = "AWS/Logs"
    alarm_topic_arn = "topic"
  }

  expect_failures = [var.disabled_alarms, var.namespace, var.alarm_topic_arn]
}

run "apply_sets_outputs" {
  command = apply

  assert {
    condition     = length(output.alarm_arns) == 15 && output.alarm_names["root-account-usage"] == "org-trail-RootAccountUsage"
    error_message = "alarm_arns and alarm_names map every alarm id."
  }
}
