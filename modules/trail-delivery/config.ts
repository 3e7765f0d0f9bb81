import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const TRAIL_DELIVERY_DEFAULTS = {
  logRetentionDays: 365,
  logGroupName: (trailName: string) => `/aws/cloudtrail/${trailName}`,
  roleName: (trailName: string) => `${trailName}-cloudwatch-logs`,
  topicName: (trailName: string) => `${trailName}-notifications`,
} as const;

/** "trail": the trail's key (its policy gains the statements the service needs); or the ARN of another key. */
const keyChoice = z.union([z.literal("trail"), ruled("kmsKeyArn")]).default("trail");

const cloudWatchLogs = z.strictObject({
  logGroupName: ruled("logGroupName").optional().describe("Default: /aws/cloudtrail/<trail.name>."),
  retentionDays: ruled("logRetentionDays").default(TRAIL_DELIVERY_DEFAULTS.logRetentionDays).describe("Days CloudWatch Logs keeps the events."),
  kmsKey: keyChoice.describe("Key that encrypts the log group: 'trail' or a key ARN whose policy lets logs.<region>.amazonaws.com use it."),
  roleName: ruled("roleName").optional().describe("Role CloudTrail assumes to deliver. Default: <trail.name>-cloudwatch-logs."),
});

const snsTopic = z.strictObject({
  name: ruled("snsTopicName").optional().describe("Default: <trail.name>-notifications."),
  kmsKey: keyChoice.describe("Key that encrypts the topic: 'trail' or a key ARN whose policy lets CloudTrail use it for this topic."),
});

/** Added to the `trail` section. */
export const trailDeliveryExtends = {
  trail: {
    cloudWatchLogs: cloudWatchLogs.optional().describe("Also deliver events to a CloudWatch Logs log group (CIS 3.4 / CKV2_AWS_10)."),
    snsTopic: snsTopic.optional().describe("Notify an encrypted SNS topic of every log file delivery."),
  },
};
