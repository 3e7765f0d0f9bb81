import type { TerraformResource, TerraformStack } from "../shared/facade";
import { local } from "../shared/locals";
import { output } from "../shared/output";
import { logGroupArn, snsTopicArn } from "../trail-delivery/delivery-arns";
import { selectorSpecs } from "../event-selectors/selectors";
import { selectorsHcl } from "../event-selectors/selectors-hcl";
import { EVENT_SELECTOR_VARIABLES, eventSelectionFromVariables } from "../event-selectors/module-selectors";
import { CALL_RATE_NEEDS_WRITES, ERROR_RATE_NEEDS_MANAGEMENT, MANAGEMENT_EVENTS_OR_DATA, SELECTOR_VALUES_FIT } from "../event-selectors/rules";
import { ADMIN_NOT_MANAGEMENT } from "../delegated-admin/rules";
import { DELIVERY_NAMES_TRAIL, DELIVERY_ROLE_NAME_FITS } from "../trail-delivery/rules";
import { TRAIL_DELIVERY_DEFAULTS as OPERATIONS_DEFAULTS } from "../trail-delivery/config";
import type { TrailOperationsProps } from "./trail-operations";
import { TrailDelivery } from "../trail-delivery/trail-delivery";
import type { CrossFieldRule } from "../shared/rules/cross-field";
import { enforce } from "../shared/rules/precondition";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { coalesce, expr, ifElse, notNull, toTemplate } from "../shared/value";
import { matches } from "../shared/rules/rule";
import { NAME_PREFIX_PATTERN, trailTopicAlarmPrefix } from "../trail-alarms/config";

/** The organization-trail module's inputs for CloudWatch Logs, SNS, event selectors, Insights and a delegated admin. */
export const TRAIL_OPERATIONS_VARIABLES: readonly VariableSpec[] = [
  { name: "management_account_id", type: "string", default: null, rules: "accountId", description: "Management account that owns the trail: its ARN is the aws:SourceArn of every delivery policy. Required with CloudWatch Logs or SNS." },
  { name: "trail_home_region", type: "string", default: null, rules: "region", description: "Home region of the trail (the provider's region). Required with CloudWatch Logs or SNS." },
  { name: "partition", type: "string", default: "aws", rules: "partition", description: "AWS partition of every ARN." },
  { name: "delegated_admin_account_id", type: "string", default: null, rules: "accountId", description: "Set when the provider is the CloudTrail delegated administrator (registered from the management account first): the log group, role and topic are created in it. Null: the provider is the management account." },
  { name: "cloud_watch_logs_enabled", type: "bool", default: false, description: "Also deliver events to a KMS-encrypted CloudWatch Logs log group (CIS 3.4 / CKV2_AWS_10)." },
  { name: "cloud_watch_logs_group_name", type: "string", default: null, rules: "logGroupName", description: "Log group name; null for /aws/cloudtrail/<trail_name>." },
  { name: "cloud_watch_logs_retention_days", type: "number", default: OPERATIONS_DEFAULTS.logRetentionDays, rules: "logRetentionDays", description: "Days CloudWatch Logs keeps the events (a value CloudWatch Logs accepts)." },
  { name: "cloud_watch_logs_kms_key_arn", type: "string", default: null, rules: "kmsKeyArn", description: "Key of the log group; null for the trail key (then pass this module's cloud_watch_logs_group_arn output to the log-archive module)." },
  { name: "cloud_watch_logs_role_name", type: "string", default: null, rules: "roleName", description: "Role CloudTrail assumes to deliver; null for <trail_name>-cloudwatch-logs." },
  { name: "sns_topic_enabled", type: "bool", default: false, description: "Notify a KMS-encrypted SNS topic of every log file delivery." },
  { name: "sns_topic_name", type: "string", default: null, rules: "snsTopicName", description: "Topic name; null for <trail_name>-notifications." },
  { name: "sns_kms_key_arn", type: "string", default: null, rules: "kmsKeyArn", description: "Key of the topic; null for the trail key (then pass this module's sns_topic_arn output to the log-archive module)." },
  { name: "sns_topic_alarm_name_prefix", config: "trail.alarms.namePrefix", fromConfig: (c) => trailTopicAlarmPrefix(c), type: "string", default: null, rules: [matches(NAME_PREFIX_PATTERN, "be at most 200 letters, digits or . _ / # : -")], description: "CloudWatch alarms whose names begin with this prefix (the trail-alarms module's name_prefix) may publish to the topic; null for none. With the trail key on the topic, also set the log-archive module's sns_topic_cloudwatch_alarms." },
  ...EVENT_SELECTOR_VARIABLES,
];

export interface TrailModuleOperations {
  readonly trail: TrailOperationsProps;
  readonly readyForTrail: TerraformResource[];
}

/**
 * The organization-trail module's operations: locals for derived names, the delivery targets (counted), the
 * selectors and Insights as dynamic blocks, the preconditions of the rules between its variables, and the outputs.
 */
export function buildTrailModuleOperations(stack: TerraformStack, v: ModuleVariables): TrailModuleOperations {
  const trailName = v.s("trail_name");
  const deliveryAccountId = local(stack, "delivery_account_id", ifElse(notNull(v.expr("delegated_admin_account_id")), v.expr("delegated_admin_account_id"), v.expr("management_account_id")));
  const logGroupName = local(stack, "cloud_watch_logs_group_name", coalesce(v.expr("cloud_watch_logs_group_name"), OPERATIONS_DEFAULTS.logGroupName(trailName)));
  const roleName = local(stack, "cloud_watch_logs_role_name", coalesce(v.expr("cloud_watch_logs_role_name"), OPERATIONS_DEFAULTS.roleName(trailName)));
  const topicName = local(stack, "sns_topic_name", coalesce(v.expr("sns_topic_name"), OPERATIONS_DEFAULTS.topicName(trailName)));
  const selectors = local(stack, "event_selectors", expr(selectorsHcl(selectorSpecs(eventSelectionFromVariables(v)))));
  const context = {
    partition: v.s("partition"),
    homeRegion: v.s("trail_home_region"),
    managementAccountId: v.s("management_account_id"),
    trailName,
    deliveryAccountId: toTemplate(deliveryAccountId),
  };
  const delivery = new TrailDelivery(stack, "delivery", {
    ...context,
    cloudWatchLogs: {
      enabled: v.expr("cloud_watch_logs_enabled"),
      logGroupName: toTemplate(logGroupName),
      retentionDays: v.n("cloud_watch_logs_retention_days"),
      kmsKeyArn: toTemplate(coalesce(v.expr("cloud_watch_logs_kms_key_arn"), v.expr("kms_key_arn"))),
      roleName: toTemplate(roleName),
    },
    snsTopic: {
      enabled: v.expr("sns_topic_enabled"),
      topicName: toTemplate(topicName),
      kmsKeyArn: toTemplate(coalesce(v.expr("sns_kms_key_arn"), v.expr("kms_key_arn"))),
      alarmNamePrefix: v.expr("sns_topic_alarm_name_prefix"),
    },
    tags: v.expr("tags"),
  });

  // The delivery resources carry the delivery rules' preconditions too (see trail-delivery/rules.ts).
  const enforceOn = (r: TerraformResource | undefined, ...rules: CrossFieldRule[]) => r && enforce(r, rules);
  enforceOn(delivery.role, DELIVERY_NAMES_TRAIL, DELIVERY_ROLE_NAME_FITS);
  enforceOn(delivery.rolePolicy, DELIVERY_NAMES_TRAIL);
  enforceOn(delivery.topicPolicy, DELIVERY_NAMES_TRAIL);
  // The trail checks every rule between this module's variables before it is created or changed.
  const trailRules = [DELIVERY_NAMES_TRAIL, ADMIN_NOT_MANAGEMENT, DELIVERY_ROLE_NAME_FITS, MANAGEMENT_EVENTS_OR_DATA, CALL_RATE_NEEDS_WRITES, ERROR_RATE_NEEDS_MANAGEMENT, SELECTOR_VALUES_FIT];

  output(
    stack,
    "cloud_watch_logs_group_arn",
    ifElse(v.expr("cloud_watch_logs_enabled"), logGroupArn(context.partition, context.homeRegion, context.deliveryAccountId, toTemplate(logGroupName)), null),
    "Log group receiving the trail's events (pass it to the log-archive module when it uses the trail key); null when off.",
  );
  output(
    stack,
    "sns_topic_arn",
    ifElse(v.expr("sns_topic_enabled"), snsTopicArn(context.partition, context.homeRegion, context.deliveryAccountId, toTemplate(topicName)), null),
    "Topic notified of each log file delivery (pass it to the log-archive module when it uses the trail key); null when off.",
  );

  return {
    trail: { ...delivery.trailSettings, advancedEventSelectors: selectors, insightTypes: v.expr("insight_types"), enforced: trailRules },
    readyForTrail: delivery.readyForTrail,
  };
}
