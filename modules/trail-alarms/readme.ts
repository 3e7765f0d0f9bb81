import type { ModuleDoc } from "../shared/module-doc";
import { README_EXAMPLE } from "../../config/example";
import { parseConfig } from "../../config/load";
import { exampleOf } from "../shared/inputs";
import { CIS_ALARMS } from "./catalog";
import { TRAIL_ALARMS_VARIABLES } from "./inputs";

/**
 * The snippet's values: the README example with CloudWatch Logs, SNS and the alarms on. Kept out of README_EXAMPLE
 * itself, whose trail the access examples and the other modules' policy sizes are measured at.
 */
const alarmsExample = () =>
  exampleOf(TRAIL_ALARMS_VARIABLES, parseConfig({ ...README_EXAMPLE, trail: { ...README_EXAMPLE.trail, cloudWatchLogs: {}, snsTopic: {}, alarms: {} } }, "trail-alarms README example"));

export const TRAIL_ALARMS_DOC = (): ModuleDoc => ({
  title: "orgtrail trail-alarms",
  example: alarmsExample(),
  purpose:
    "The CIS AWS Foundations Benchmark's monitoring controls on the organization trail's CloudWatch Logs log group: a metric filter and an alarm per event class, with the filter patterns as AWS Security Hub (CloudWatch.1-14) and CIS (4.15, AWS Organizations) document them. Each filter counts matching events in its namespace; each alarm fires when a 5-minute period counts one or more and notifies `alarm_topic_arn`. Filters and alarms are `for_each` by alarm id, so turning one off changes no other.",
  notes: [
    `The alarms (id: source): ${CIS_ALARMS.map((a) => `\`${a.id}\` (${a.metricName}): ${a.source}`).join("; ")}.`,
    "Deploy with the provider of the account and home region that hold the trail's log group (the management account, or the CloudTrail delegated administrator). `log_group_name` is a name, which orders nothing: in the same root as the organization-trail module, add `depends_on = [module.organization_trail]` so the log group exists before its filters.",
    "The topic's policy must allow `sns:Publish` to `cloudwatch.amazonaws.com` (with `aws:SourceAccount` = the alarms' account), and a customer managed key of the topic must allow it `kms:GenerateDataKey*` and `kms:Decrypt`; otherwise the alarms change state and notify nobody. orgtrail's deploy stack adds both grants when the alarms notify the trail's own topic.",
    "A metric filter sees only the events delivered to the log group after it exists: it does not scan history.",
  ],
});
