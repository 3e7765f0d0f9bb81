import type { VariableSpec } from "../shared/inputs";
import { TAGS } from "../organization/variables";
import { matches, notMatches } from "../shared/rules/rule";
import { variableRule } from "../shared/variable-rules";
import { operationsOf } from "../trail-delivery/settings";
import { ALARM_IDS } from "./catalog";
import { NAME_PREFIX_PATTERN, NAMESPACE_PATTERN, TRAIL_ALARMS_DEFAULTS } from "./config";
import { alarmsOf } from "./settings";

const knownIds = variableRule({
  must: `name CIS alarms by id (${ALARM_IDS.join(", ")})`,
  check: (v) => Array.isArray(v) && v.every((x) => (ALARM_IDS as readonly unknown[]).includes(x)),
  condition: (ref) => `alltrue([for a in ${ref} : contains([${ALARM_IDS.map((id) => JSON.stringify(id)).join(", ")}], a)])`,
});

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const TRAIL_ALARMS_VARIABLES: readonly VariableSpec[] = [
  {
    name: "log_group_name",
    config: "trail.cloudWatchLogs.logGroupName",
    fromConfig: (c) => operationsOf(c).cloudWatchLogs?.logGroupName,
    example: true,
    type: "string",
    rules: "logGroupName",
    description: "The trail's CloudWatch Logs log group: /aws/cloudtrail/<trail_name> unless the organization-trail module's cloud_watch_logs_group_name says otherwise.",
  },
  {
    name: "alarm_topic_arn",
    config: "trail.alarms.topicArn",
    fromConfig: (c) => alarmsOf(c)?.topicArn,
    example: true,
    type: "string",
    default: null,
    rules: "snsTopicArn",
    description: "SNS topic every alarm notifies; its policy must let cloudwatch.amazonaws.com publish, and its key (if a customer managed key) let it encrypt. null: the alarms notify nobody.",
  },
  { name: "alarms_enabled", config: "trail.alarms.enabled", type: "bool", default: true, description: "Create the CIS alarms (all but disabled_alarms); false creates none." },
  {
    name: "disabled_alarms",
    config: "trail.alarms.disabled",
    type: "list(string)",
    default: [],
    rules: [knownIds],
    description: `CIS alarms not to create, by id: ${ALARM_IDS.join(", ")}.`,
  },
  {
    name: "namespace",
    config: "trail.alarms.namespace",
    type: "string",
    default: TRAIL_ALARMS_DEFAULTS.namespace,
    rules: [matches(NAMESPACE_PATTERN, "be 1-255 letters, digits or . _ / # : -"), notMatches("^AWS/", "not begin with AWS/ (reserved for AWS services)")],
    description: "CloudWatch namespace of the metrics.",
  },
  {
    name: "name_prefix",
    config: "trail.alarms.namePrefix",
    fromConfig: (c) => alarmsOf(c)?.namePrefix,
    example: true,
    type: "string",
    rules: [matches(NAME_PREFIX_PATTERN, "be at most 200 letters, digits or . _ / # : -")],
    description: "Prefix of every metric filter and alarm name (the config's default is <trail_name>-).",
  },
  TAGS,
];
