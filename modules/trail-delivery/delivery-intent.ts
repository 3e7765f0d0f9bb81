import type { Value } from "../shared/value";

/** Which trail delivers, and which account holds its delivery targets. */
export interface DeliveryContext {
  readonly partition: string;
  readonly homeRegion: string;
  /** Owner of the organization trail: its ARN (`aws:SourceArn`) names this account, also for a delegated admin. */
  readonly managementAccountId: string;
  readonly trailName: string;
  /** Account of the log group, role and topic: the account that creates the trail (management or delegated admin). */
  readonly deliveryAccountId: string;
}

export interface CloudWatchLogsIntent extends DeliveryContext {
  readonly logGroupName: string;
}

export interface SnsTopicIntent extends DeliveryContext {
  readonly topicName: string;
  /** CloudWatch alarms whose names begin with this prefix notify the topic (trail-alarms); absent or null for none. */
  readonly alarmNamePrefix?: Value<string | null | undefined>;
}

/** What the trail key's policy must also grant, besides CloudTrail's log files and the members' reads. */
export interface KeyDeliveryIntent {
  /** CloudWatch Logs encrypts this log group with the trail key. */
  readonly cloudWatchLogs?: { readonly enabled: Value<boolean>; readonly logGroupArn: string };
  /** CloudTrail publishes to this topic, encrypted with the trail key. */
  readonly snsTopic?: {
    readonly enabled: Value<boolean>;
    readonly topicArn: string;
    /** CloudWatch alarms notify the topic (trail-alarms): CloudWatch encrypts their messages with the trail key. */
    readonly cloudWatchAlarms?: Value<boolean>;
  };
  /** The CloudTrail delegated administrator that creates the trail (it needs kms:Decrypt like the trail owner). */
  readonly delegatedAdminAccountId?: Value<string>;
}

/** The delivery policies' names, in the size report and in the modules' size preconditions alike. */
export const DELIVERY_POLICY_NAMES = {
  trust: "CloudWatch Logs delivery role trust policy",
  role: "CloudWatch Logs delivery role policy",
  topic: "SNS topic policy",
} as const;
