import { SERVICE, trailArn } from "../shared/arns";
import { snsTopicArn } from "./delivery-arns";
import type { SnsTopicIntent } from "./delivery-intent";
import { POLICY_VERSION, whenPresent, type PolicyDocument, type Statement } from "../shared/document";

/**
 * The notification topic's policy: CloudTrail publishes for this trail only. It replaces SNS's default policy, so
 * nobody else gains access through it; principals of the topic's account still act through their identity policies.
 */
export function snsTopicPolicy(i: SnsTopicIntent): PolicyDocument {
  const topic = snsTopicArn(i.partition, i.homeRegion, i.deliveryAccountId, i.topicName);
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "CloudTrailPublish",
        Effect: "Allow",
        Principal: { Service: SERVICE.cloudtrail },
        Action: "sns:Publish",
        Resource: topic,
        Condition: { StringEquals: { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) } },
      },
      // The trail-alarms concept's CIS alarms notify this topic: CloudWatch publishes for alarms of this account,
      // region and name prefix only (the confused-deputy keys CloudWatch sends with alarm actions).
      whenPresent(
        i.alarmNamePrefix,
        (prefix): Statement[] => [
          {
            Sid: "CloudWatchAlarmsPublish",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: "sns:Publish",
            Resource: topic,
            Condition: {
              StringEquals: { "aws:SourceAccount": i.deliveryAccountId },
              ArnLike: { "aws:SourceArn": `arn:${i.partition}:cloudwatch:${i.homeRegion}:${i.deliveryAccountId}:alarm:${prefix}*` },
            },
          },
        ],
        "prefix",
      ),
    ],
  };
}
