import type { KeyDeliveryIntent } from "./delivery-intent";
import { keyDeliveryOf } from "./settings";
import type { Inputs, VariableSpec } from "../shared/inputs";
import { notNull } from "../shared/value";

/**
 * The log-archive module's inputs for the trail key's statements about delivery: the targets that use the trail key
 * and the delegated administrator that creates the trail (the deploy stack reads them off the config).
 */
export const KEY_DELIVERY_VARIABLES: readonly VariableSpec[] = [
  {
    name: "cloud_watch_logs_group_arn",
    config: "trail.cloudWatchLogs",
    fromConfig: (c) => keyDeliveryOf(c).cloudWatchLogs?.logGroupArn ?? null,
    type: "string",
    default: null,
    rules: "logGroupArn",
    description: "Log group that CloudWatch Logs encrypts with the trail key (the organization-trail module's output); null for none.",
  },
  {
    name: "sns_topic_arn",
    config: "trail.snsTopic",
    fromConfig: (c) => keyDeliveryOf(c).snsTopic?.topicArn ?? null,
    type: "string",
    default: null,
    rules: "snsTopicArn",
    description: "Topic that CloudTrail encrypts notifications for with the trail key (the organization-trail module's output); null for none.",
  },
  {
    name: "sns_topic_cloudwatch_alarms",
    config: "trail.alarms",
    fromConfig: (c) => (keyDeliveryOf(c).snsTopic?.cloudWatchAlarms ? true : undefined),
    type: "bool",
    default: false,
    description: "CloudWatch alarms (the trail-alarms module) notify the topic of sns_topic_arn: the trail key lets cloudwatch.amazonaws.com encrypt for that topic.",
  },
  {
    name: "delegated_admin_account_id",
    config: "organization.delegatedAdminAccountId",
    type: "string",
    default: null,
    rules: "accountId",
    description: "CloudTrail delegated administrator that creates the trail: granted kms:Decrypt under the CloudTrail encryption context, like the management account.",
  },
];

/** What the trail key's policy grants the delivery targets and the delegated administrator, from the inputs. */
export function keyDeliveryFromInputs(v: Inputs): KeyDeliveryIntent {
  return {
    cloudWatchLogs: { enabled: notNull(v.value("cloud_watch_logs_group_arn")), logGroupArn: v.s("cloud_watch_logs_group_arn") },
    snsTopic: { enabled: notNull(v.value("sns_topic_arn")), topicArn: v.s("sns_topic_arn"), cloudWatchAlarms: v.value("sns_topic_cloudwatch_alarms") },
    delegatedAdminAccountId: v.value("delegated_admin_account_id"),
  };
}
