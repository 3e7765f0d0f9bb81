import { z } from "zod";
import { ruled } from "../shared/rules/zod";
import { ALARM_IDS } from "./catalog";

export const TRAIL_ALARMS_DEFAULTS = {
  namespace: "CISBenchmark",
  namePrefix: (trailName: string) => `${trailName}-`,
} as const;

/** CloudWatch metric namespaces: 1-255 of these characters, and never AWS/ (reserved for AWS services). */
export const NAMESPACE_PATTERN = "^[A-Za-z0-9._/#:-]{1,255}$";
/** A prefix that keeps every alarm and filter name within CloudWatch's 255 characters and easy to read. */
export const NAME_PREFIX_PATTERN = "^[A-Za-z0-9._/#:-]{0,200}$";

const alarms = z.strictObject({
  enabled: z.boolean().default(true).describe("Create the CIS alarms (all but those in `disabled`); false creates none."),
  disabled: z.array(z.enum(ALARM_IDS)).default([]).describe("CIS alarms not to create, by id (see docs/alarms.md)."),
  namespace: z
    .string()
    .regex(new RegExp(NAMESPACE_PATTERN), "must be 1-255 letters, digits or . _ / # : -")
    .refine((s) => !s.startsWith("AWS/"), "must not begin with AWS/ (reserved for AWS services)")
    .default(TRAIL_ALARMS_DEFAULTS.namespace)
    .describe("CloudWatch namespace of the metrics."),
  namePrefix: z.string().regex(new RegExp(NAME_PREFIX_PATTERN), "must be at most 200 letters, digits or . _ / # : -").optional().describe("Prefix of every metric filter and alarm name. Default: <trail.name>-."),
  topicArn: ruled("snsTopicArn").optional().describe("SNS topic the alarms notify. Default: the trail's topic (trail.snsTopic), whose policy and key then admit CloudWatch."),
});

/** Added to the `trail` section. */
export const trailAlarmsExtends = {
  trail: {
    alarms: alarms.optional().describe("CIS AWS Foundations monitoring: a metric filter and alarm per event class on the trail's CloudWatch Logs log group."),
  },
};

export type AlarmsConfig = z.output<typeof alarms>;

/**
 * The alarm name prefix when the alarms notify the trail's own topic (no `topicArn`): the topic's policy lets
 * CloudWatch publish for alarms of that prefix, and the trail key (when it encrypts the topic) lets CloudWatch
 * encrypt for that topic. Undefined when no alarm notifies the trail's topic.
 */
export function trailTopicAlarmPrefix(c: { trail: { name: string; snsTopic?: unknown; cloudWatchLogs?: unknown; alarms?: AlarmsConfig } }): string | undefined {
  const a = c.trail.alarms;
  if (!a?.enabled || a.topicArn || !c.trail.snsTopic || !c.trail.cloudWatchLogs) return undefined;
  if (ALARM_IDS.every((id) => a.disabled.includes(id))) return undefined;
  return a.namePrefix ?? TRAIL_ALARMS_DEFAULTS.namePrefix(c.trail.name);
}
