import { SERVICE, trailArn } from "../shared/arns";
import { logGroupArn, logStreamsArn } from "./delivery-arns";
import type { CloudWatchLogsIntent, DeliveryContext } from "./delivery-intent";
import { POLICY_VERSION, type PolicyDocument } from "../shared/document";

/**
 * Trust policy of the role CloudTrail assumes to deliver events to CloudWatch Logs: CloudTrail only, for this trail.
 *
 * `StringEqualsIfExists` and not `StringEquals`: AWS documents confused-deputy keys for CloudTrail's S3, KMS and
 * SNS requests, and states that they do not apply to the CloudWatch Logs role. If CloudTrail sends no
 * `aws:SourceArn` when it assumes the role, a plain `StringEquals` would make CreateTrail fail with
 * InvalidCloudWatchLogsRoleArnException; when it does send one, only this trail's ARN passes.
 */
export function cloudWatchLogsTrustPolicy(i: DeliveryContext): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "CloudTrailAssumeRole",
        Effect: "Allow",
        Principal: { Service: SERVICE.cloudtrail },
        Action: "sts:AssumeRole",
        Condition: { StringEqualsIfExists: { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) } },
      },
    ],
  };
}

/** The delivery role's permissions: create streams in, and put events to, the trail's log group only. */
export function cloudWatchLogsDeliveryPolicy(i: CloudWatchLogsIntent): PolicyDocument {
  const streams = logStreamsArn(logGroupArn(i.partition, i.homeRegion, i.deliveryAccountId, i.logGroupName));
  return {
    Version: POLICY_VERSION,
    Statement: [
      { Sid: "CreateTrailLogStreams", Effect: "Allow", Action: "logs:CreateLogStream", Resource: streams },
      { Sid: "PutTrailLogEvents", Effect: "Allow", Action: "logs:PutLogEvents", Resource: streams },
    ],
  };
}
