import type { DeployContext } from "../shared/concept";
import { bucketArn, keyPath, trailArn } from "../shared/arns";
import { settingsOf } from "../organization/settings";
import { keyDeliveryOf } from "../trail-delivery/settings";
import { LogArchive } from "./log-archive";

/** The archive bucket, the access-log bucket and the trail key, in the log-archive account. */
export function deployLogArchive(ctx: DeployContext): void {
  const { stack, config } = ctx;
  const s = settingsOf(config);
  const archive = new LogArchive(stack, "log-archive", {
    ...s,
    keyPath: keyPath(s.keyPrefix),
    key: {
      create: s.createKey,
      existingKeyArn: s.createKey ? undefined : config.encryption.kmsKey,
      aliasName: config.encryption.aliasName,
      deletionWindowDays: config.encryption.deletionWindowDays,
    },
    accessLogs: { ...config.logArchive.accessLogs, bucketName: s.accessLogBucketName },
    provider: ctx.providers.logArchive,
    delivery: keyDeliveryOf(config),
  });
  ctx.trailKey = archive.trailKey;
  ctx.readyForTrail.push(...archive.readyForTrail);

  const last = { last: true };
  ctx.output("trail_arn", trailArn(s.partition, s.homeRegion, s.managementAccountId, s.trailName), "ARN of the organization trail (aws:SourceArn of every CloudTrail write).", last);
  ctx.output("bucket_name", s.bucketName, "Central CloudTrail log archive bucket.", last);
  ctx.output("bucket_arn", bucketArn(s.partition, s.bucketName), "ARN of the log archive bucket.", last);
  ctx.output("kms_key_arn", archive.trailKey.keyArn, "KMS key that encrypts the trail's log files.", last);
  ctx.output("member_log_prefix", `${keyPath(s.keyPrefix)}AWSLogs/${s.organizationId}/<account-id>/`, "Where each member account lists and reads its own logs (with the trailing slash).", last);
}
