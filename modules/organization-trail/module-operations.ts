import { TerraformOutput, type TerraformResource, type TerraformStack } from "../shared/facade";
import { MAX_SELECTOR_VALUES, SELECTOR_NAMES } from "../event-selectors/selectors";
import { distinct, eachElement, eachOptionalField, OPERATIONS_RULES } from "../shared/rules/operations-rules";
import { TRAIL_DELIVERY_DEFAULTS as OPERATIONS_DEFAULTS } from "../trail-delivery/config";
import { RULES } from "../shared/rules/rules";
import type { KeyDeliveryIntent } from "../trail-delivery/delivery-intent";
import type { TrailOperationsProps } from "./trail-operations";
import { TrailDelivery } from "../trail-delivery/trail-delivery";
import { addPreconditions, type Precondition } from "../shared/resources";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { coalesce, notNull, reference, toTemplate } from "../shared/value";

/** The organization-trail module's inputs for CloudWatch Logs, SNS, event selectors, Insights and a delegated admin. */
export const TRAIL_OPERATIONS_VARIABLES: readonly VariableSpec[] = [
  { name: "management_account_id", type: "string", default: null, rules: "accountId", description: "Management account that owns the trail: its ARN is the aws:SourceArn of every delivery policy. Required with CloudWatch Logs or SNS." },
  { name: "trail_home_region", type: "string", default: null, rules: "region", description: "Home region of the trail (the provider's region). Required with CloudWatch Logs or SNS." },
  { name: "partition", type: "string", default: "aws", rules: "partition", description: "AWS partition of every ARN." },
  { name: "delegated_admin_account_id", type: "string", default: null, rules: "accountId", description: "Set when the provider is the CloudTrail delegated administrator (registered from the management account first): the log group, role and topic are created in it. Null: the provider is the management account." },
  { name: "cloud_watch_logs_enabled", type: "bool", default: false, description: "Also deliver events to a KMS-encrypted CloudWatch Logs log group (CIS 3.4 / CKV2_AWS_10)." },
  { name: "cloud_watch_logs_group_name", type: "string", default: null, rules: OPERATIONS_RULES.logGroupName, description: "Log group name; null for /aws/cloudtrail/<trail_name>." },
  { name: "cloud_watch_logs_retention_days", type: "number", default: OPERATIONS_DEFAULTS.logRetentionDays, rules: OPERATIONS_RULES.logRetentionDays, description: "Days CloudWatch Logs keeps the events (a value CloudWatch Logs accepts)." },
  { name: "cloud_watch_logs_kms_key_arn", type: "string", default: null, rules: "kmsKeyArn", description: "Key of the log group; null for the trail key (then pass this module's cloud_watch_logs_group_arn output to the log-archive module)." },
  { name: "cloud_watch_logs_role_name", type: "string", default: null, rules: OPERATIONS_RULES.iamRoleName, description: "Role CloudTrail assumes to deliver; null for <trail_name>-cloudwatch-logs." },
  { name: "sns_topic_enabled", type: "bool", default: false, description: "Notify a KMS-encrypted SNS topic of every log file delivery." },
  { name: "sns_topic_name", type: "string", default: null, rules: OPERATIONS_RULES.snsTopicName, description: "Topic name; null for <trail_name>-notifications." },
  { name: "sns_kms_key_arn", type: "string", default: null, rules: "kmsKeyArn", description: "Key of the topic; null for the trail key (then pass this module's sns_topic_arn output to the log-archive module)." },
  { name: "management_events_enabled", type: "bool", default: true, description: "Log management events; false needs data events." },
  { name: "management_events_read_write_type", type: "string", default: "All", rules: OPERATIONS_RULES.readWriteType, description: "All, ReadOnly or WriteOnly management events." },
  { name: "management_events_exclude_sources", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.excludableEventSource[0]), distinct], description: "Management event sources not to log: kms.amazonaws.com, rdsdata.amazonaws.com." },
  { name: "data_events_read_write_type", type: "string", default: "All", rules: OPERATIONS_RULES.readWriteType, description: "All, ReadOnly or WriteOnly data events." },
  {
    name: "data_events_s3",
    type: "list(object({ bucket_name = string, prefix = optional(string) }))",
    default: [],
    rules: [...RULES.bucketName.map((r) => eachElement(r, "bucket_name")), ...OPERATIONS_RULES.dataEventPrefix.map((r) => eachOptionalField(r, "prefix"))],
    description: "Log S3 object-level events of these buckets (optionally only under a key prefix).",
  },
  { name: "data_events_lambda_function_arns", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.lambdaFunctionArn[0]), distinct], description: "Log invoke events of these Lambda functions." },
  { name: "insight_types", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.insightType[0]), distinct], description: "CloudTrail Insights types: ApiCallRateInsight (needs write management events), ApiErrorRateInsight." },
];

/** The log-archive module's inputs for the trail key's delivery statements. */
export const LOG_ARCHIVE_DELIVERY_VARIABLES: readonly VariableSpec[] = [
  { name: "cloud_watch_logs_group_arn", type: "string", default: null, rules: OPERATIONS_RULES.logGroupArn, description: "Log group that CloudWatch Logs encrypts with the trail key (the organization-trail module's output); null for none." },
  { name: "sns_topic_arn", type: "string", default: null, rules: OPERATIONS_RULES.snsTopicArn, description: "Topic that CloudTrail encrypts notifications for with the trail key (the organization-trail module's output); null for none." },
  { name: "trail_admin_account_id", type: "string", default: null, rules: "accountId", description: "CloudTrail delegated administrator that creates the trail: granted kms:Decrypt under the CloudTrail encryption context, like the management account." },
];

export function keyDeliveryFromVariables(v: ModuleVariables): KeyDeliveryIntent {
  return {
    cloudWatchLogs: { enabled: notNull(v.expr("cloud_watch_logs_group_arn")), logGroupArn: v.s("cloud_watch_logs_group_arn") },
    snsTopic: { enabled: notNull(v.expr("sns_topic_arn")), topicArn: v.s("sns_topic_arn") },
    trailAdminAccountId: v.expr("trail_admin_account_id"),
  };
}

const readOnlyField = (rw: string) => `${rw} == "All" ? [] : [{ field = "readOnly", equals = [${rw} == "ReadOnly" ? "true" : "false"] }]`;

/** The same selectors as `advancedEventSelectors` (config/event-selectors.ts), as a Terraform expression. */
export function selectorsExpression(): string {
  const isDefault = `var.management_events_enabled && var.management_events_read_write_type == "All" && length(var.management_events_exclude_sources) == 0 && length(var.data_events_s3) == 0 && length(var.data_events_lambda_function_arns) == 0`;
  const management = `{ name = "${SELECTOR_NAMES.management}", field_selectors = concat([{ field = "eventCategory", equals = ["Management"] }], ${readOnlyField("var.management_events_read_write_type")}, length(var.management_events_exclude_sources) == 0 ? [] : [{ field = "eventSource", not_equals = var.management_events_exclude_sources }]) }`;
  const s3Arns = `[for o in var.data_events_s3 : "arn:\${var.partition}:s3:::\${o.bucket_name}/\${o.prefix == null ? "" : o.prefix}"]`;
  const s3 = `{ name = "${SELECTOR_NAMES.s3}", field_selectors = concat([{ field = "eventCategory", equals = ["Data"] }, { field = "resources.type", equals = ["AWS::S3::Object"] }, { field = "resources.ARN", starts_with = ${s3Arns} }], ${readOnlyField("var.data_events_read_write_type")}) }`;
  const lambda = `{ name = "${SELECTOR_NAMES.lambda}", field_selectors = concat([{ field = "eventCategory", equals = ["Data"] }, { field = "resources.type", equals = ["AWS::Lambda::Function"] }, { field = "resources.ARN", equals = var.data_events_lambda_function_arns }], ${readOnlyField("var.data_events_read_write_type")}) }`;
  return `concat(var.management_events_enabled && !(${isDefault}) ? [${management}] : [], length(var.data_events_s3) == 0 ? [] : [${s3}], length(var.data_events_lambda_function_arns) == 0 ? [] : [${lambda}])`;
}

export interface TrailModuleOperations {
  readonly trail: TrailOperationsProps;
  readonly readyForTrail: TerraformResource[];
}

/**
 * The organization-trail module's operations: locals for derived names, the delivery targets (counted), the
 * selectors and Insights as dynamic blocks, the cross-variable preconditions, and the outputs.
 */
export function buildTrailModuleOperations(stack: TerraformStack, v: ModuleVariables): TrailModuleOperations {
  stack.addOverride("locals", {
    delivery_account_id: "${var.delegated_admin_account_id != null ? var.delegated_admin_account_id : var.management_account_id}",
    cloud_watch_logs_group_name: '${coalesce(var.cloud_watch_logs_group_name, "/aws/cloudtrail/${var.trail_name}")}',
    cloud_watch_logs_role_name: '${coalesce(var.cloud_watch_logs_role_name, "${var.trail_name}-cloudwatch-logs")}',
    sns_topic_name: '${coalesce(var.sns_topic_name, "${var.trail_name}-notifications")}',
    event_selectors: `\${${selectorsExpression()}}`,
  });
  const context = {
    partition: v.s("partition"),
    homeRegion: v.s("trail_home_region"),
    managementAccountId: v.s("management_account_id"),
    trailName: v.s("trail_name"),
    deliveryAccountId: "${local.delivery_account_id}",
  };
  const delivery = new TrailDelivery(stack, "delivery", {
    ...context,
    cloudWatchLogs: {
      enabled: v.expr("cloud_watch_logs_enabled"),
      logGroupName: "${local.cloud_watch_logs_group_name}",
      retentionDays: v.n("cloud_watch_logs_retention_days"),
      kmsKeyArn: toTemplate(coalesce(v.expr("cloud_watch_logs_kms_key_arn"), v.expr("kms_key_arn"))),
      roleName: "${local.cloud_watch_logs_role_name}",
    },
    snsTopic: {
      enabled: v.expr("sns_topic_enabled"),
      topicName: "${local.sns_topic_name}",
      kmsKeyArn: toTemplate(coalesce(v.expr("sns_kms_key_arn"), v.expr("kms_key_arn"))),
    },
    tags: v.expr("tags"),
  });

  // Checked on the delivery resources too: they are planned before the trail, and would otherwise fail first on a
  // null account or region inside their policies, or on the role name's length.
  const accountsSet = {
    condition: "${var.management_account_id != null && var.trail_home_region != null}",
    errorMessage: "management_account_id and trail_home_region must be set when cloud_watch_logs_enabled or sns_topic_enabled: every delivery policy names the trail's ARN.",
  };
  const roleNameLength = { condition: "${length(local.cloud_watch_logs_role_name) <= 64}", errorMessage: "cloud_watch_logs_role_name must be set: the default <trail_name>-cloudwatch-logs is longer than 64 characters." };
  const precondition = (r: TerraformResource | undefined, ...checks: Precondition[]) => r && addPreconditions(r, ...checks);
  precondition(delivery.role, accountsSet, roleNameLength);
  precondition(delivery.rolePolicy, accountsSet);
  precondition(delivery.topicPolicy, accountsSet);

  const valueCount = "sum(concat([0], flatten([for s in local.event_selectors : [for f in s.field_selectors : length(try(f.equals, [])) + length(try(f.not_equals, [])) + length(try(f.starts_with, []))]])))";
  const preconditions = [
    {
      condition: "${!(var.cloud_watch_logs_enabled || var.sns_topic_enabled) || (var.management_account_id != null && var.trail_home_region != null)}",
      errorMessage: "management_account_id and trail_home_region must be set when cloud_watch_logs_enabled or sns_topic_enabled: every delivery policy names the trail's ARN.",
    },
    { condition: "${var.delegated_admin_account_id == null || var.delegated_admin_account_id != var.management_account_id}", errorMessage: "delegated_admin_account_id must differ from management_account_id: CloudTrail cannot delegate administration to the management account." },
    { condition: "${!var.cloud_watch_logs_enabled || length(local.cloud_watch_logs_role_name) <= 64}", errorMessage: "cloud_watch_logs_role_name must be set: the default <trail_name>-cloudwatch-logs is longer than 64 characters." },
    { condition: "${var.management_events_enabled || length(var.data_events_s3) + length(var.data_events_lambda_function_arns) > 0}", errorMessage: "management_events_enabled must be true unless data events are selected: a trail with no selector logs every management event." },
    {
      condition: '${!contains(var.insight_types, "ApiCallRateInsight") || (var.management_events_enabled && var.management_events_read_write_type != "ReadOnly")}',
      errorMessage: "insight_types must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement).",
    },
    { condition: '${!contains(var.insight_types, "ApiErrorRateInsight") || var.management_events_enabled}', errorMessage: "insight_types must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement)." },
    { condition: `\${${valueCount} <= ${MAX_SELECTOR_VALUES}}`, errorMessage: `data_events_s3 and data_events_lambda_function_arns must select fewer resources: CloudTrail accepts at most ${MAX_SELECTOR_VALUES} selector values.` },
  ];

  const output = (id: string, value: string, description: string) => new TerraformOutput(stack, `output-${id}`, { value, description }).overrideLogicalId(id);
  const arnOf = (on: string, arn: string) => `\${${on} ? "${arn}" : null}`;
  output(
    "cloud_watch_logs_group_arn",
    arnOf("var.cloud_watch_logs_enabled", "arn:${var.partition}:logs:${var.trail_home_region}:${local.delivery_account_id}:log-group:${local.cloud_watch_logs_group_name}"),
    "Log group receiving the trail's events (pass it to the log-archive module when it uses the trail key); null when off.",
  );
  output("sns_topic_arn", arnOf("var.sns_topic_enabled", "arn:${var.partition}:sns:${var.trail_home_region}:${local.delivery_account_id}:${local.sns_topic_name}"), "Topic notified of each log file delivery (pass it to the log-archive module when it uses the trail key); null when off.");

  return {
    trail: { ...delivery.trailSettings, advancedEventSelectors: reference("local.event_selectors"), insightTypes: v.expr("insight_types"), preconditions },
    readyForTrail: delivery.readyForTrail,
  };
}
