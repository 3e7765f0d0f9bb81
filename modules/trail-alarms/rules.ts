import type { CrossFieldRule } from "../shared/rules/cross-field";
import { ALARM_IDS } from "./catalog";

export const TRAIL_ALARMS_RULES: readonly CrossFieldRule[] = [
  {
    rule: "trail.alarms requires trail.cloudWatchLogs: the metric filters read the trail's CloudWatch Logs log group",
    source: "CIS AWS Foundations Benchmark v1.4.0 section 4 / AWS Security Hub CloudWatch.1-14: metric filters on the log group of a multi-Region trail that delivers to CloudWatch Logs",
    check: (c, report) => {
      const a = c.trail.alarms;
      if (a?.enabled && !c.trail.cloudWatchLogs) report(["trail", "alarms"], a, "requires trail.cloudWatchLogs: the CIS metric filters read the trail's CloudWatch Logs log group; add trail.cloudWatchLogs: {} or set trail.alarms.enabled: false");
    },
  },
  {
    rule: "trail.alarms notifies trail.alarms.topicArn or, without it, the trail's topic (trail.snsTopic)",
    source: "Amazon CloudWatch User Guide, 'Using Amazon CloudWatch alarms': an alarm without an action changes state and notifies nobody",
    check: (c, report) => {
      const a = c.trail.alarms;
      if (a?.enabled && !a.topicArn && !c.trail.snsTopic) report(["trail", "alarms", "topicArn"], undefined, "must be set when trail.snsTopic is not: the alarms need a topic to notify");
    },
  },
  {
    rule: "trail.alarms.disabled names each alarm once, and leaves at least one when the alarms are enabled",
    source: `orgtrail: the CIS alarms are ${ALARM_IDS.length}; enabled: false turns them all off`,
    check: (c, report) => {
      const a = c.trail.alarms;
      if (!a) return;
      a.disabled.forEach((id, i) => {
        if (a.disabled.indexOf(id) !== i) report(["trail", "alarms", "disabled", i], id, "must name each alarm once");
      });
      if (a.enabled && ALARM_IDS.every((id) => a.disabled.includes(id))) report(["trail", "alarms", "disabled"], a.disabled, "must leave at least one alarm: to create none, set trail.alarms.enabled: false");
    },
  },
];
