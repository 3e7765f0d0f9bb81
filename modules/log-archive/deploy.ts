import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/variables";
import { bucketArn, keyPath, trailArn } from "../shared/arns";
import { settingsOf } from "../organization/settings";
import { LogArchive } from "./log-archive";
import { LOG_ARCHIVE_VARIABLES } from "./module";
import { logArchiveProps } from "./props";
import { CREATED_KEY_ADDRESSES } from "../trail-key/keep-key";
import { keepWhenDropped } from "../shared/removed";
import { hardenedBucketAddresses } from "./hardened-bucket";

/** The archive bucket, the access-log bucket and the trail key, in the log-archive account: the module's inputs, read off the config. */
export function deployLogArchive(ctx: DeployContext): void {
  const { stack, config } = ctx;
  const props = logArchiveProps(stack, literalInputs(LOG_ARCHIVE_VARIABLES, config));
  const archive = new LogArchive(stack, "log-archive", { ...props, provider: ctx.providers.logArchive });
  ctx.trailKey = archive.trailKey;
  const s = settingsOf(config);
  // What a config change drops from the stack is forgotten, never destroyed: a key created before a key was brought,
  // an access-log bucket (with its policy and settings) once access logs are turned off.
  const dropped = [...(s.createKey ? [] : CREATED_KEY_ADDRESSES), ...(config.logArchive.accessLogs.enabled ? [] : hardenedBucketAddresses("access_logs"))];
  const b = config.deployment.backend;
  if (dropped.length) keepWhenDropped(stack, dropped, b.type === "s3" && b.useLockfile);
  ctx.readyForTrail.push(...archive.readyForTrail);

  const last = { last: true };
  ctx.output("trail_arn", trailArn(s.partition, s.homeRegion, s.managementAccountId, s.trailName), "ARN of the organization trail (aws:SourceArn of every CloudTrail write).", last);
  ctx.output("bucket_name", s.bucketName, "Central CloudTrail log archive bucket.", last);
  ctx.output("bucket_arn", bucketArn(s.partition, s.bucketName), "ARN of the log archive bucket.", last);
  ctx.output("kms_key_arn", archive.trailKey.keyArn, "KMS key that encrypts the trail's log files.", last);
  ctx.output("member_log_prefix", `${keyPath(s.keyPrefix)}AWSLogs/${s.organizationId}/<account-id>/`, "Where each member account lists and reads its own logs (with the trailing slash).", last);
}
