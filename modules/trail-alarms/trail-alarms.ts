import { fixedId } from "../shared/logical-id";
import { CloudwatchLogMetricFilter, CloudwatchMetricAlarm, Construct, type TerraformProvider } from "../shared/facade";
import { each, eachAttribute, forEach } from "../shared/for-each";
import { address, tag, type Tags } from "../shared/resources";
import { ifElse, notNull, toTemplate, type Value } from "../shared/value";
import type { AlarmEntry } from "./settings";

export interface TrailAlarmsProps {
  /** The trail's CloudWatch Logs log group. */
  readonly logGroupName: string;
  /** The alarms to create, by id: a literal map (the deploy stack), or a Terraform expression (the module). */
  readonly alarms: Value<Record<string, AlarmEntry>>;
  readonly namespace: string;
  /** Prefix of each metric filter's and alarm's name, before the metric name. */
  readonly namePrefix: string;
  /** The topic every alarm notifies; null (module only) for none. */
  readonly topicArn: Value<string | undefined>;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/**
 * A CloudWatch Logs metric filter and a CloudWatch alarm per CIS monitoring control, on the trail's log group: the
 * filter counts matching events (value 1 per event), the alarm fires when a 5-minute period counts one or more, and
 * treats an empty period as OK (no events is the normal case). Both are `for_each` by alarm id: turning one alarm
 * off removes its two instances and changes no other.
 */
export class TrailAlarms extends Construct {
  readonly filter: CloudwatchLogMetricFilter;
  readonly alarm: CloudwatchMetricAlarm;
  /** `{ id => alarm ARN }`. */
  readonly alarmArns: string;

  constructor(scope: Construct, name: string, props: TrailAlarmsProps) {
    super(scope, name);
    const { provider } = props;
    const alarmName = `${props.namePrefix}${toTemplate(each.field("metric_name"))}`;
    this.filter = new CloudwatchLogMetricFilter(this, "filter", {
      name: alarmName,
      logGroupName: props.logGroupName,
      pattern: toTemplate(each.field("pattern")),
      metricTransformation: { name: toTemplate(each.field("metric_name")), namespace: props.namespace, value: "1", defaultValue: undefined },
      provider,
    });
    fixedId(this.filter, "cis");
    forEach(this.filter, props.alarms);

    this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
      alarmName,
      alarmDescription: `orgtrail CIS monitoring: ${toTemplate(each.field("description"))}`,
      namespace: props.namespace,
      metricName: toTemplate(each.field("metric_name")),
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      treatMissingData: "notBreaching",
      provider,
    });
    fixedId(this.alarm, "cis");
    forEach(this.alarm, props.alarms);
    this.alarm.addOverride("alarm_actions", toTemplate(ifElse(notNull(props.topicArn ?? null), [props.topicArn], [])));
    // The alarm reads the filter's metric: created after it, so it never starts on a metric nobody writes.
    this.alarm.addOverride("depends_on", [address(this.filter)]);
    tag(this.alarm, props.tags);
    this.alarmArns = eachAttribute(this.alarm, "arn");
  }
}
