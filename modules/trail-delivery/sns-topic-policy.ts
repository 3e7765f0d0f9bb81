import { SERVICE, trailArn } from "../shared/arns";
import { snsTopicArn } from "./delivery-arns";
import type { SnsTopicIntent } from "./delivery-intent";
import { POLICY_VERSION, type PolicyDocument } from "../shared/document";

/**
 * The notification topic's policy: CloudTrail publishes for this trail only. It replaces SNS's default policy, so
 * nobody else gains access through it; principals of the topic's account still act through their identity policies.
 */
export function snsTopicPolicy(i: SnsTopicIntent): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "CloudTrailPublish",
        Effect: "Allow",
        Principal: { Service: SERVICE.cloudtrail },
        Action: "sns:Publish",
        Resource: snsTopicArn(i.partition, i.homeRegion, i.deliveryAccountId, i.topicName),
        Condition: { StringEquals: { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) } },
      },
    ],
  };
}
