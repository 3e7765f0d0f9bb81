import { TRAIL_DELIVERY_DEFAULTS as OPERATIONS_DEFAULTS } from "./config";
import type { Config } from "../../config/schema";
import { cloudWatchLogsDeliveryPolicy, cloudWatchLogsTrustPolicy } from "./cloudwatch-logs-policy";
import { logGroupArn, snsTopicArn } from "./delivery-arns";
import { DELIVERY_POLICY_NAMES, type DeliveryContext, type KeyDeliveryIntent } from "./delivery-intent";
import { resolveDocument } from "../shared/document";
import { snsTopicPolicy } from "./sns-topic-policy";
import type { NamedPolicy } from "../shared/limits";
import { trailTopicAlarmPrefix } from "../trail-alarms/config";

/** The delivery settings of a validated config (CloudWatch Logs, SNS), with defaults and derived ARNs filled in. */
export interface OperationsSettings extends DeliveryContext {
  readonly delegatedAdminAccountId?: string;
  readonly cloudWatchLogs?: {
    readonly logGroupName: string;
    readonly logGroupArn: string;
    readonly retentionDays: number;
    /** "trail" or a key ARN. */
    readonly kmsKey: string;
    readonly roleName: string;
  };
  readonly snsTopic?: { readonly topicName: string; readonly topicArn: string; readonly kmsKey: string; readonly alarmNamePrefix?: string };
}

export function operationsOf(c: Config): OperationsSettings {
  const o = c.organization;
  const t = c.trail;
  const deliveryAccountId = o.delegatedAdminAccountId ?? o.managementAccountId;
  const context: DeliveryContext = { partition: o.partition, homeRegion: o.homeRegion, managementAccountId: o.managementAccountId, trailName: t.name, deliveryAccountId };
  const cwl = t.cloudWatchLogs;
  const logGroupName = cwl ? (cwl.logGroupName ?? OPERATIONS_DEFAULTS.logGroupName(t.name)) : "";
  const topicName = t.snsTopic ? (t.snsTopic.name ?? OPERATIONS_DEFAULTS.topicName(t.name)) : "";
  return {
    ...context,
    delegatedAdminAccountId: o.delegatedAdminAccountId,
    cloudWatchLogs: cwl && {
      logGroupName,
      logGroupArn: logGroupArn(o.partition, o.homeRegion, deliveryAccountId, logGroupName),
      retentionDays: cwl.retentionDays,
      kmsKey: cwl.kmsKey,
      roleName: cwl.roleName ?? OPERATIONS_DEFAULTS.roleName(t.name),
    },
    snsTopic: t.snsTopic && { topicName, topicArn: snsTopicArn(o.partition, o.homeRegion, deliveryAccountId, topicName), kmsKey: t.snsTopic.kmsKey, alarmNamePrefix: trailTopicAlarmPrefix(c) },
  };
}

/** What the trail key policy grants the delivery targets that use the trail key, and the delegated admin. */
export function keyDeliveryOf(c: Config): KeyDeliveryIntent {
  const ops = operationsOf(c);
  return {
    cloudWatchLogs: ops.cloudWatchLogs?.kmsKey === "trail" ? { enabled: true, logGroupArn: ops.cloudWatchLogs.logGroupArn } : undefined,
    snsTopic: ops.snsTopic?.kmsKey === "trail" ? { enabled: true, topicArn: ops.snsTopic.topicArn, cloudWatchAlarms: ops.snsTopic.alarmNamePrefix !== undefined } : undefined,
    delegatedAdminAccountId: ops.delegatedAdminAccountId,
  };
}

/** The delivery targets' policies, as AWS will receive them, for size checks and tests. */
export function deliveryPoliciesOf(c: Config): NamedPolicy[] {
  const ops = operationsOf(c);
  const out: NamedPolicy[] = [];
  if (ops.cloudWatchLogs) {
    out.push({ name: DELIVERY_POLICY_NAMES.trust, kind: "trustPolicy", document: resolveDocument(cloudWatchLogsTrustPolicy(ops)) });
    out.push({ name: DELIVERY_POLICY_NAMES.role, kind: "inlinePoliciesPerRole", document: resolveDocument(cloudWatchLogsDeliveryPolicy({ ...ops, logGroupName: ops.cloudWatchLogs.logGroupName })) });
  }
  if (ops.snsTopic) out.push({ name: DELIVERY_POLICY_NAMES.topic, kind: "snsTopicPolicy", document: resolveDocument(snsTopicPolicy({ ...ops, topicName: ops.snsTopic.topicName, alarmNamePrefix: ops.snsTopic.alarmNamePrefix })) });
  return out;
}
