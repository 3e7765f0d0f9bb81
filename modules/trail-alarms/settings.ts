import type { Config } from "../../config/schema";
import { operationsOf } from "../trail-delivery/settings";
import { CIS_ALARMS, type AlarmId, type CisAlarm } from "./catalog";
import { TRAIL_ALARMS_DEFAULTS } from "./config";

/** One alarm as the construct's `for_each` map holds it (snake_case: it is also the module's local). */
export interface AlarmEntry {
  readonly metric_name: string;
  readonly description: string;
  readonly pattern: string;
}

export const alarmEntry = (a: CisAlarm): AlarmEntry => ({ metric_name: a.metricName, description: a.description, pattern: a.pattern });

/** Every CIS alarm by id: the module's `local.cis_alarms`, which its variables filter. */
export const ALARM_TABLE: Record<AlarmId, AlarmEntry> = Object.fromEntries(CIS_ALARMS.map((a) => [a.id, alarmEntry(a)])) as Record<AlarmId, AlarmEntry>;

/** The alarms a config asks for, its names and its target; undefined when it asks for none. */
export interface AlarmsSettings {
  readonly logGroupName: string;
  readonly namespace: string;
  readonly namePrefix: string;
  readonly alarms: readonly CisAlarm[];
  /** The given topic, or the trail's. */
  readonly topicArn: string;
  /** The alarms notify the trail's own topic: its policy (and the trail key, when it encrypts the topic) admit CloudWatch. */
  readonly usesTrailTopic: boolean;
}

export function alarmsOf(c: Config): AlarmsSettings | undefined {
  const a = c.trail.alarms;
  const ops = operationsOf(c);
  if (!a || !a.enabled || !ops.cloudWatchLogs) return undefined;
  const alarms = CIS_ALARMS.filter((x) => !a.disabled.includes(x.id));
  if (!alarms.length) return undefined;
  const topicArn = a.topicArn ?? ops.snsTopic?.topicArn;
  if (!topicArn) return undefined;
  return {
    logGroupName: ops.cloudWatchLogs.logGroupName,
    namespace: a.namespace,
    namePrefix: a.namePrefix ?? TRAIL_ALARMS_DEFAULTS.namePrefix(c.trail.name),
    alarms,
    topicArn,
    usesTrailTopic: a.topicArn === undefined,
  };
}
