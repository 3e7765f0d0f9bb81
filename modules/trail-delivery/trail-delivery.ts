import { CloudwatchLogGroup, Construct, IamRole, IamRolePolicy, SnsTopic, SnsTopicPolicy, type TerraformProvider, type TerraformResource } from "../shared/facade";
import { cloudWatchLogsDeliveryPolicy, cloudWatchLogsTrustPolicy } from "./cloudwatch-logs-policy";
import { logGroupArn, roleArn } from "./delivery-arns";
import { DELIVERY_POLICY_NAMES, type DeliveryContext } from "./delivery-intent";
import type { Value } from "../shared/value";
import { snsTopicPolicy } from "./sns-topic-policy";
import { renderPolicy } from "../shared/hcl";
import { dependOn, optional, ref, tag, type Tags } from "../shared/resources";
import { addSizePrecondition } from "../shared/size-precondition";
import { ifEnabled } from "./if-enabled";
import { fixedId } from "../shared/logical-id";

export interface CloudWatchLogsDeliveryProps {
  /** Deliver to CloudWatch Logs (true), not (false), or decide at plan time (an expression). */
  readonly enabled: Value<boolean>;
  readonly logGroupName: string;
  /** One of the retention periods CloudWatch Logs accepts. @default 365 */
  readonly retentionDays: number;
  /** Key of the log group: the trail key (its policy carries CloudWatchLogsEncryptTrailEvents) or another. */
  readonly kmsKeyArn: string;
  readonly roleName: string;
}

export interface SnsDeliveryProps {
  readonly enabled: Value<boolean>;
  readonly topicName: string;
  /** CloudWatch alarms of this name prefix notify the topic (trail-alarms); absent or null for none. */
  readonly alarmNamePrefix?: Value<string | null | undefined>;
  /** Key of the topic: the trail key (its policy carries CloudTrailEncryptNotifications) or another. */
  readonly kmsKeyArn: string;
}

export interface TrailDeliveryProps extends DeliveryContext {
  readonly cloudWatchLogs?: CloudWatchLogsDeliveryProps;
  readonly snsTopic?: SnsDeliveryProps;
  /** What the log group and topic wait for: the key whose policy admits CloudWatch Logs and CloudTrail. */
  readonly keyReady?: TerraformResource[];
  readonly tags?: Tags;
  /** The account that creates the trail: the management account, or the delegated administrator. */
  readonly provider?: TerraformProvider;
}

/** What the trail needs from its delivery targets; undefined when off, a Terraform conditional when decided at plan time. */
export interface TrailDeliverySettings {
  /** `cloud_watch_logs_group_arn`: the log group ARN with the `:*` suffix CloudTrail expects. */
  readonly cloudWatchLogsGroupArn?: string;
  readonly cloudWatchLogsRoleArn?: string;
  /**
   * `sns_topic_name`: the topic's name. The topic is created with the trail's provider (same account, home
   * region), and for such a topic CloudTrail reports the name: hashicorp/aws reads it back into `sns_topic_name`,
   * so an ARN here would show a change in every plan.
   */
  readonly snsTopicName?: string;
}

/**
 * Where the trail delivers besides S3: a KMS-encrypted CloudWatch Logs log group with the role CloudTrail assumes
 * to write to it, and a KMS-encrypted SNS topic notified of each log file. Every ARN is built from inputs, so the
 * trust, role and topic policies are known at plan time and bound to the management account's trail ARN.
 */
export class TrailDelivery extends Construct {
  readonly logGroup?: CloudwatchLogGroup;
  readonly role?: IamRole;
  readonly rolePolicy?: IamRolePolicy;
  readonly topic?: SnsTopic;
  readonly topicPolicy?: SnsTopicPolicy;
  readonly trailSettings: TrailDeliverySettings;
  /** What the trail must wait for: the log group, the role's permissions, the topic policy. */
  readonly readyForTrail: TerraformResource[] = [];

  constructor(scope: Construct, name: string, props: TrailDeliveryProps) {
    super(scope, name);
    const { provider, tags, partition, homeRegion, deliveryAccountId } = props;
    const settings: { -readonly [K in keyof TrailDeliverySettings]: TrailDeliverySettings[K] } = {};

    const cwl = props.cloudWatchLogs;
    if (cwl && cwl.enabled !== false) {
      this.logGroup = optional(cwl.enabled, () => new CloudwatchLogGroup(this, "log_group", { name: cwl.logGroupName, retentionInDays: cwl.retentionDays, kmsKeyId: cwl.kmsKeyArn, skipDestroy: true, provider }))!;
      fixedId(this.logGroup, "cloudtrail");
      // A config change that replaces or drops the log group must not delete up to a year of events with it:
      // Terraform forgets the group and leaves it (and its retention) in CloudWatch Logs.
      tag(this.logGroup, tags);
      dependOn(this.logGroup, ...(props.keyReady ?? []));

      this.role = optional(cwl.enabled, () =>
        new IamRole(this, "role", {
          name: cwl.roleName,
          description: `orgtrail: CloudTrail delivers events of trail ${props.trailName} to CloudWatch Logs`,
          assumeRolePolicy: renderPolicy(cloudWatchLogsTrustPolicy(props)),
          provider,
        }),
      )!;
      fixedId(this.role, "cloudtrail_cloudwatch_logs");
      tag(this.role, tags);
      addSizePrecondition(this.role, { attribute: "assume_role_policy", localName: "cloudwatch_logs_trust_policy", name: DELIVERY_POLICY_NAMES.trust, kind: "trustPolicy", policy: renderPolicy(cloudWatchLogsTrustPolicy(props)), inline: true });

      this.rolePolicy = optional(cwl.enabled, () =>
        new IamRolePolicy(this, "role_policy", {
          name: "cloudwatch-logs-delivery",
          role: ref(this.role!, "name"),
          policy: renderPolicy(cloudWatchLogsDeliveryPolicy({ ...props, logGroupName: cwl.logGroupName })),
          provider,
        }),
      )!;
      fixedId(this.rolePolicy, "cloudtrail_cloudwatch_logs");
      addSizePrecondition(this.rolePolicy, { attribute: "policy", localName: "cloudwatch_logs_delivery_policy", name: DELIVERY_POLICY_NAMES.role, kind: "inlinePoliciesPerRole", policy: renderPolicy(cloudWatchLogsDeliveryPolicy({ ...props, logGroupName: cwl.logGroupName })), inline: true });

      const group = logGroupArn(partition, homeRegion, deliveryAccountId, cwl.logGroupName);
      settings.cloudWatchLogsGroupArn = ifEnabled(cwl.enabled, `${group}:*`);
      settings.cloudWatchLogsRoleArn = ifEnabled(cwl.enabled, roleArn(partition, deliveryAccountId, cwl.roleName));
      this.readyForTrail.push(this.logGroup, this.rolePolicy);
    }

    const sns = props.snsTopic;
    if (sns && sns.enabled !== false) {
      this.topic = optional(sns.enabled, () => new SnsTopic(this, "topic", { name: sns.topicName, kmsMasterKeyId: sns.kmsKeyArn, provider }))!;
      fixedId(this.topic, "cloudtrail_notifications");
      tag(this.topic, tags);
      dependOn(this.topic, ...(props.keyReady ?? []));

      this.topicPolicy = optional(sns.enabled, () =>
        new SnsTopicPolicy(this, "topic_policy", { arn: ref(this.topic!, "arn"), policy: renderPolicy(snsTopicPolicy({ ...props, topicName: sns.topicName, alarmNamePrefix: sns.alarmNamePrefix })), provider }),
      )!;
      fixedId(this.topicPolicy, "cloudtrail_notifications");
      addSizePrecondition(this.topicPolicy, { attribute: "policy", localName: "sns_topic_policy", name: DELIVERY_POLICY_NAMES.topic, kind: "snsTopicPolicy", policy: renderPolicy(snsTopicPolicy({ ...props, topicName: sns.topicName, alarmNamePrefix: sns.alarmNamePrefix })), inline: true });

      settings.snsTopicName = ifEnabled(sns.enabled, sns.topicName);
      this.readyForTrail.push(this.topicPolicy);
    }
    this.trailSettings = settings;
  }
}
