import type { Config } from "../config/schema";
import { TerraformStack, type Construct } from "../modules/shared/facade";
import { keyDeliveryOf } from "../modules/trail-delivery/settings";
import type { LOG_RETENTION_DAYS } from "../modules/shared/rules/aws-values";
import { checkProps, OrgtrailPropsError, type CheckedProps, type Deferred, type PropFields, type PropProblem, type PropsCheck } from "./props";

/** The retention periods CloudWatch Logs accepts, in days. */
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/** The trail's CloudWatch Logs delivery (config `trail.cloudWatchLogs`): a KMS-encrypted log group and the role CloudTrail assumes to write to it. */
export interface CloudWatchLogsProps {
  /** The log group's name. @default `/aws/cloudtrail/<trailName>` */
  readonly logGroupName?: string;
  /** Days CloudWatch Logs keeps the events: one of the periods it accepts (1, 3, 5, 7, 14, 30, … 3653). @default 365 */
  readonly retentionDays?: LogRetentionDays;
  /**
   * ARN of the key that encrypts the log group, in the home region; its policy must let `logs.<region>.amazonaws.com`
   * use it. @default the trail key (the trail's `kmsKeyArn`): the LogArchive given the same `cloudWatchLogs` admits
   * CloudWatch Logs for this log group only
   */
  readonly kmsKeyArn?: string;
  /** The role CloudTrail assumes to deliver (at most 64 characters). @default `<trailName>-cloudwatch-logs` */
  readonly roleName?: string;
}

/** The trail's SNS notifications (config `trail.snsTopic`): a KMS-encrypted topic notified of every log file delivery. */
export interface SnsTopicProps {
  /** The topic's name. @default `<trailName>-notifications` */
  readonly name?: string;
  /**
   * ARN of the key that encrypts the topic, in the home region; its policy must let CloudTrail use it for this topic.
   * @default the trail key (the trail's `kmsKeyArn`): the LogArchive given the same `snsTopic` admits CloudTrail for this topic only
   */
  readonly kmsKeyArn?: string;
  /**
   * CloudWatch alarms whose names begin with this prefix may notify the topic: the `namePrefix` of a `TrailAlarms`
   * whose `topicArn` is the trail's `snsTopicArn` (config: `trail.alarms` without `topicArn`). The topic policy lets
   * CloudWatch publish for them and, with the trail key, the LogArchive's key policy lets CloudWatch encrypt for this
   * topic. Needs `cloudWatchLogs` (the alarms read the trail's log group). @default none: no alarm may publish
   */
  readonly alarmNamePrefix?: string;
}

/**
 * Delivery besides S3, given alike to the `OrganizationTrail` and to the `LogArchive` whose key encrypts it. The log
 * group, role and topic are created with the trail's provider, which must be the management account in the home
 * region, as in the deploy stack: their ARNs, in every policy, name that account and region (known at plan time).
 */
export interface DeliveryProps {
  /** Also deliver events to a CloudWatch Logs log group (CIS 3.4 / CKV2_AWS_10). @default no log group */
  readonly cloudWatchLogs?: CloudWatchLogsProps;
  /** Notify an SNS topic of every log file delivery. @default no topic */
  readonly snsTopic?: SnsTopicProps;
}

/** Each delivery prop, by the path the user wrote, and its config field (`kmsKeyArn` is the config's `kmsKey`). */
const DELIVERY_FIELDS: PropFields = {
  cloudWatchLogs: "trail.cloudWatchLogs",
  "cloudWatchLogs.kmsKeyArn": "trail.cloudWatchLogs.kmsKey",
  snsTopic: "trail.snsTopic",
  "snsTopic.kmsKeyArn": "trail.snsTopic.kmsKey",
  "snsTopic.alarmNamePrefix": "trail.alarms.namePrefix",
};

const keyPlaceholder = (input: string): Deferred => ({
  input,
  placeholder: (p) => `arn:${p.partition ?? "aws"}:kms:${p.homeRegion}:${p.managementAccountId}:key/00000000-0000-0000-0000-000000000000`,
});

/** A reference to another key (your own key's `arn`) is checked as a key of the home region. */
const DELIVERY_DEFERRED: Readonly<Record<string, Deferred>> = {
  "cloudWatchLogs.kmsKeyArn": keyPlaceholder("cloud_watch_logs_kms_key_arn"),
  "snsTopic.kmsKeyArn": keyPlaceholder("sns_kms_key_arn"),
};

/**
 * The delivery props flattened to the props `checkProps` maps onto config fields (`cloudWatchLogs.kmsKeyArn`), so
 * errors name the path the user wrote; unknown keys stay in the section objects, where the config's strict schema
 * names them. The alarm prefix becomes `trail.alarms` only with a log group: without one, a problem of its own.
 */
function flattenDelivery(props: DeliveryProps): { flat: Record<string, unknown>; problems: PropProblem[] } {
  const flat: Record<string, unknown> = {};
  const problems: PropProblem[] = [];
  if (props.cloudWatchLogs) {
    const { kmsKeyArn, ...section } = props.cloudWatchLogs;
    flat.cloudWatchLogs = section;
    flat["cloudWatchLogs.kmsKeyArn"] = kmsKeyArn;
  }
  if (props.snsTopic) {
    const { kmsKeyArn, alarmNamePrefix, ...section } = props.snsTopic;
    flat.snsTopic = section;
    flat["snsTopic.kmsKeyArn"] = kmsKeyArn;
    if (alarmNamePrefix !== undefined && !props.cloudWatchLogs) {
      problems.push({ prop: "snsTopic.alarmNamePrefix", value: alarmNamePrefix, message: "requires cloudWatchLogs: the CIS alarms read the trail's CloudWatch Logs log group" });
    } else flat["snsTopic.alarmNamePrefix"] = alarmNamePrefix;
  }
  return { flat, problems };
}

/** A config message in the props' terms: the config's `kmsKey` is the props' `kmsKeyArn`, and `snsTopic` knows `alarmNamePrefix` too. */
function inDeliveryTerms(p: PropProblem): PropProblem {
  if (!/^(cloudWatchLogs|snsTopic)\b/.test(p.prop)) return p;
  const message = p.message.replace(/\bkmsKey\b/g, "kmsKeyArn").replace(/(known here: name, kmsKeyArn)\)/, "$1, alarmNamePrefix)");
  return { ...p, message };
}

/** `checkProps` for a construct that also takes `cloudWatchLogs` and `snsTopic`: the same rules, errors named by the paths the user wrote. */
export function checkWithDelivery(c: PropsCheck & { readonly props: DeliveryProps }): CheckedProps {
  const { flat, problems } = flattenDelivery(c.props);
  try {
    return checkProps({
      ...c,
      props: { ...c.props, ...flat },
      fields: { ...c.fields, ...DELIVERY_FIELDS },
      deferred: { ...c.deferred, ...DELIVERY_DEFERRED },
      problems: [...(c.problems ?? []), ...problems],
    });
  } catch (e) {
    if (!(e instanceof OrgtrailPropsError)) throw e;
    throw new OrgtrailPropsError(e.construct, e.problems.map(inDeliveryTerms));
  }
}

/**
 * What a LogArchive's key policy admits for delivery, and what an OrganizationTrail's topic admits for alarms, by
 * stack: the constructs that take the same values check each other, so a mismatch is an error at synth instead of
 * a trail or alarm that cannot deliver after apply.
 */
export interface KeyAdmits {
  readonly construct: string;
  readonly logGroupArn?: string;
  readonly topicArn?: string;
  readonly cloudWatchAlarms: boolean;
}

export interface TopicAdmits {
  readonly construct: string;
  readonly alarmNamePrefix?: string;
}

const ARCHIVE_KEYS = new WeakMap<TerraformStack, Map<string, KeyAdmits>>();
const TRAIL_TOPICS = new WeakMap<TerraformStack, Map<string, TopicAdmits>>();

function registry<T>(maps: WeakMap<TerraformStack, Map<string, T>>, scope: Construct): Map<string, T> {
  const stack = TerraformStack.of(scope);
  let map = maps.get(stack);
  if (!map) maps.set(stack, (map = new Map()));
  return map;
}

/** The delivery statements of the trail key's policy, as the log-archive module's inputs read them off the config. */
export function keyAdmitsOf(construct: string, config: Config): KeyAdmits {
  const d = keyDeliveryOf(config);
  return { construct, logGroupArn: d.cloudWatchLogs?.logGroupArn, topicArn: d.snsTopic?.topicArn, cloudWatchAlarms: d.snsTopic?.cloudWatchAlarms === true };
}

export const registerArchiveKey = (scope: Construct, keyArn: string, admits: KeyAdmits): void => void registry(ARCHIVE_KEYS, scope).set(keyArn, admits);
export const archiveKeyAdmits = (scope: Construct, keyArn: string): KeyAdmits | undefined => registry(ARCHIVE_KEYS, scope).get(keyArn);
export const registerTrailTopic = (scope: Construct, topicArn: string, admits: TopicAdmits): void => void registry(TRAIL_TOPICS, scope).set(topicArn, admits);
export const trailTopicAdmits = (scope: Construct, topicArn: string): TopicAdmits | undefined => registry(TRAIL_TOPICS, scope).get(topicArn);

/**
 * A trail's delivery against the key policy of the LogArchive whose key it uses: each target that key encrypts must
 * be the one that policy admits, and the policy admits no other (the same `cloudWatchLogs` / `snsTopic` on both).
 */
export function keyMismatches(needs: KeyAdmits, has: KeyAdmits): PropProblem[] {
  const problems: PropProblem[] = [];
  const differ = (prop: string, what: string, need: string | undefined, admitted: string | undefined) => {
    if (need === admitted) return;
    const wanted = need ? `encrypts the ${what} ${need} with that key` : `encrypts no ${what} with that key`;
    problems.push({ prop, message: `must be the same as ${has.construct}'s, whose key the trail uses: the trail ${wanted}, and its key policy admits ${admitted ?? "none"}` });
  };
  differ("cloudWatchLogs", "log group", needs.logGroupArn, has.logGroupArn);
  differ("snsTopic", "topic", needs.topicArn, has.topicArn);
  if (needs.topicArn === has.topicArn && needs.cloudWatchAlarms !== has.cloudWatchAlarms) {
    problems.push({ prop: "snsTopic.alarmNamePrefix", message: `must be the same as ${has.construct}'s, whose key the trail uses: its key policy ${has.cloudWatchAlarms ? "lets" : "does not let"} CloudWatch alarms encrypt for the topic` });
  }
  return problems;
}
