import { Construct, type TerraformResource } from "../modules/shared/facade";
import { ALARM_IDS, type AlarmId } from "../modules/trail-alarms/catalog";
import { TRAIL_ALARMS_VARIABLES } from "../modules/trail-alarms/inputs";
import { trailAlarmsProps } from "../modules/trail-alarms/props";
import { ALARM_TABLE } from "../modules/trail-alarms/settings";
import { TrailAlarms as AlarmsParts } from "../modules/trail-alarms/trail-alarms";
import { dependOn } from "../modules/shared/resources";
import { literalInputs } from "../modules/shared/inputs";
import { instanceRefs } from "./instances";
import { named, ORGANIZATION_FIELDS, type OrganizationProps } from "./organization";
import { checkProps, OrgtrailPropsError } from "./props";
import { trailTopicAdmits } from "./delivery";
import { TRAIL_ALARMS_DEFAULTS } from "../modules/trail-alarms/config";

export interface TrailAlarmsProps extends OrganizationProps {
  /** The trail's CloudWatch Logs log group. @default `/aws/cloudtrail/<trailName>` */
  readonly logGroupName?: string;
  /**
   * SNS topic every alarm notifies; its policy must let cloudwatch.amazonaws.com publish (and its key, if any, let it
   * encrypt). An OrganizationTrail's `snsTopicArn` does for alarms of its `snsTopic.alarmNamePrefix`, which must then
   * be this `namePrefix` (checked).
   */
  readonly topicArn: string;
  /** CIS alarms not to create, by id, each once; at least one must remain. @default none */
  readonly disabled?: readonly AlarmId[];
  /** CloudWatch namespace of the metrics (not `AWS/…`). @default "CISBenchmark" */
  readonly namespace?: string;
  /** Prefix of every metric filter and alarm name; must differ between two instances on one account and region. @default `<trailName>-` */
  readonly namePrefix?: string;
  /** What the metric filters wait for: the log group, when your app creates it (an OrganizationTrail's `readyForAlarms`). @default nothing */
  readonly dependsOn?: TerraformResource[];
}

const FIELDS = {
  ...ORGANIZATION_FIELDS,
  logGroupName: "trail.cloudWatchLogs.logGroupName",
  topicArn: "trail.alarms.topicArn",
  disabled: "trail.alarms.disabled",
  namespace: "trail.alarms.namespace",
  namePrefix: "trail.alarms.namePrefix",
} as const;

/**
 * The CIS AWS Foundations monitoring alarms on the trail's CloudWatch Logs log group: a metric filter and an alarm
 * per event class (unauthorized calls, root use, IAM and trail changes, …), each notifying `topicArn`.
 */
export class TrailAlarms extends Construct {
  /** Alarm ARN by alarm id. */
  readonly alarmArns: Readonly<Record<string, string>>;
  /** Alarm name by alarm id. */
  readonly alarmNames: Readonly<Record<string, string>>;
  /** The resources, for references and escape hatches. */
  readonly parts: AlarmsParts;

  constructor(scope: Construct, id: string, props: TrailAlarmsProps) {
    const construct = named("TrailAlarms", id);
    const { config, given } = checkProps({
      scope,
      construct,
      props,
      fields: FIELDS,
      base: { trail: { cloudWatchLogs: {}, alarms: {} } },
      deferred: { topicArn: { input: "alarm_topic_arn", placeholder: (p) => `arn:${p.partition ?? "aws"}:sns:${p.homeRegion}:${p.managementAccountId}:placeholder` } },
    });
    // The trail's own topic admits the alarms of one name prefix: any other would be refused on every notification.
    const namePrefix = config.trail.alarms!.namePrefix ?? TRAIL_ALARMS_DEFAULTS.namePrefix(config.trail.name);
    const topic = trailTopicAdmits(scope, props.topicArn);
    if (topic && topic.alarmNamePrefix !== namePrefix) {
      const admitted = topic.alarmNamePrefix === undefined ? "no CloudWatch alarm" : `alarms named ${topic.alarmNamePrefix}*`;
      throw new OrgtrailPropsError(construct, [
        { prop: "topicArn", value: props.topicArn, message: `is ${topic.construct}'s topic, whose policy admits ${admitted}: give that OrganizationTrail and its LogArchive snsTopic.alarmNamePrefix ${JSON.stringify(namePrefix)} (this namePrefix)` },
      ]);
    }
    super(scope, id);
    const alarmProps = trailAlarmsProps(this, literalInputs(TRAIL_ALARMS_VARIABLES, config, given));
    this.parts = new AlarmsParts(this, "alarms", { ...alarmProps, provider: props.provider });
    dependOn(this.parts.filter, ...(props.dependsOn ?? []));
    const ids = ALARM_IDS.filter((a) => !config.trail.alarms!.disabled.includes(a));
    this.alarmArns = instanceRefs(this.parts.alarm, ids, "arn");
    this.alarmNames = Object.fromEntries(ids.map((a) => [a, `${alarmProps.namePrefix}${ALARM_TABLE[a].metric_name}`]));
  }
}
