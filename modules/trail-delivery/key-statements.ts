import { accountRootArn, SERVICE, trailArn, trailEncryptionContextPattern } from "../shared/arns";
import { logsServicePrincipal } from "./delivery-arns";
import type { KeyDeliveryIntent } from "./delivery-intent";
import { when, whenPresent, type Optional, type OptionalInput, type Statement } from "../shared/document";
import type { TrailContext } from "../shared/trail-context";
import { and } from "../shared/value";

/**
 * The trail key policy's statements for the trail's delivery targets, each present only when its target uses the
 * trail key: CloudWatch Logs for one log group, CloudTrail for one encrypted topic, and decrypt for the delegated
 * administrator that creates the trail.
 */
export function deliveryKeyStatements(i: TrailContext & { delivery?: KeyDeliveryIntent }): (Optional<Statement[]> | OptionalInput<Statement[]>)[] {
  const d = i.delivery ?? {};
  const trail = trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName);
  const out: (Optional<Statement[]> | OptionalInput<Statement[]>)[] = [];
  if (d.cloudWatchLogs) {
    out.push(
      when(d.cloudWatchLogs.enabled, [
        {
          // CloudWatch Logs names the log group in the encryption context of every call it makes for it.
          Sid: "CloudWatchLogsEncryptTrailEvents",
          Effect: "Allow",
          Principal: { Service: logsServicePrincipal(i.homeRegion, i.partition) },
          Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
          Resource: "*",
          Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": d.cloudWatchLogs.logGroupArn } },
        },
      ] satisfies Statement[]),
    );
  }
  if (d.snsTopic) {
    out.push(
      when(d.snsTopic.enabled, [
        {
          // SNS encrypts a publisher's message under the topic's encryption context, calling KMS as the publisher.
          Sid: "CloudTrailEncryptNotifications",
          Effect: "Allow",
          Principal: { Service: SERVICE.cloudtrail },
          Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
          Resource: "*",
          Condition: { StringEquals: { "aws:SourceArn": trail, "kms:EncryptionContext:aws:sns:topicArn": d.snsTopic.topicArn } },
        },
      ] satisfies Statement[]),
    );
    if (d.snsTopic.cloudWatchAlarms !== undefined) {
      out.push(
        when(and(d.snsTopic.enabled, d.snsTopic.cloudWatchAlarms), [
          {
            // The CIS alarms (trail-alarms) notify the same topic: SNS calls KMS as CloudWatch, for this topic only.
            Sid: "CloudWatchAlarmsEncryptNotifications",
            Effect: "Allow",
            Principal: { Service: "cloudwatch.amazonaws.com" },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
            Condition: { StringEquals: { "kms:EncryptionContext:aws:sns:topicArn": d.snsTopic.topicArn } },
          },
        ] satisfies Statement[]),
      );
    }
  }
  out.push(
    whenPresent(
      d.delegatedAdminAccountId,
      (account): Statement[] => [
        {
          // Like TrailOwnerDecrypt: AWS requires kms:Decrypt of the account that creates or updates the trail.
          Sid: "TrailAdminDecrypt",
          Effect: "Allow",
          Principal: { AWS: accountRootArn(i.partition, account) },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailEncryptionContextPattern(i.partition, i.managementAccountId) } },
        },
      ],
      "admin",
    ),
  );
  return out;
}
