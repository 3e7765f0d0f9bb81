import type { DeployContext } from "../shared/concept";
import { operationsOf } from "./settings";
import { TrailDelivery } from "./trail-delivery";

/** CloudWatch Logs and SNS delivery targets, in the account that creates the trail. */
export function deployTrailDelivery(ctx: DeployContext): void {
  const ops = operationsOf(ctx.config);
  const trailKeyArn = ctx.trailKey!.keyArn;
  const keyOf = (choice: string) => (choice === "trail" ? trailKeyArn : choice);
  const delivery = new TrailDelivery(ctx.stack, "delivery", {
    ...ops,
    cloudWatchLogs: ops.cloudWatchLogs && { enabled: true, ...ops.cloudWatchLogs, kmsKeyArn: keyOf(ops.cloudWatchLogs.kmsKey) },
    snsTopic: ops.snsTopic && { enabled: true, topicName: ops.snsTopic.topicName, kmsKeyArn: keyOf(ops.snsTopic.kmsKey), alarmNamePrefix: ops.snsTopic.alarmNamePrefix },
    keyReady: ctx.trailKey!.key ? [ctx.trailKey!.key] : [],
    provider: ctx.providers.delegatedAdmin,
  });
  ctx.readyForTrail.push(...delivery.readyForTrail);
  Object.assign(ctx.trailOperations, delivery.trailSettings);
  if (ops.cloudWatchLogs) ctx.output("cloud_watch_logs_group_arn", ops.cloudWatchLogs.logGroupArn, "CloudWatch Logs log group that receives the trail's events (for metric filters and alarms).");
  if (ops.snsTopic) ctx.output("sns_topic_arn", ops.snsTopic.topicArn, "SNS topic notified of every log file delivery.");
}
