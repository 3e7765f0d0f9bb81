import type { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import type { ModuleVariables } from "../shared/variables";
import { ifElse, type Value } from "../shared/value";
import { LogArchive } from "./log-archive";
import { accessLogBucketName, logArchiveProps } from "./props";
import { LOG_ARCHIVE_DOC } from "./readme";
import { LOG_ARCHIVE_VARIABLES } from "./inputs";

export { LOG_ARCHIVE_VARIABLES };

/** The trail every policy of the archive is bound to, from the module's variables (known at plan time). */
const TRAIL_ARN = "arn:${var.partition}:cloudtrail:${var.trail_home_region}:${var.management_account_id}:trail/${var.trail_name}";

/** The log-archive module: bucket, access-log bucket and key, from Terraform variables. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const props = logArchiveProps(stack, v);
  const archive = new LogArchive(stack, "log-archive", props);

  output(stack, "bucket_name", v.s("bucket_name"), "Log archive bucket name; available once the bucket policy is in place, so a trail that uses it is created after.", archive.readyForTrail);
  output(stack, "bucket_arn", `arn:\${var.partition}:s3:::\${var.bucket_name}`, "ARN of the log archive bucket.");
  output(stack, "kms_key_arn", archive.trailKey.keyArn, "ARN of the KMS key (created or brought); available once the key policy is in place.", archive.readyForTrail);
  output(stack, "access_log_bucket_name", ifElse(v.expr("create_access_log_bucket"), accessLogBucketName(v), null), "Bucket that receives the archive bucket's S3 server access logs; null when not created.");
  output(stack, "trail_arn", TRAIL_ARN, "The organization trail ARN every policy here is bound to (aws:SourceArn).");
  // One value that wires the organization-trail module to this archive: its log_archive input checks each field at plan time.
  // An object of templates (not one expression), so the HCL output writes it as an object too.
  const wiring = { trail_arn: TRAIL_ARN, bucket_name: "${var.bucket_name}", s3_key_prefix: "${var.s3_key_prefix}", kms_key_arn: archive.trailKey.keyArn };
  output(stack, "trail_wiring", wiring as unknown as Value<string>, "What the organization trail must match (trail ARN, bucket, key prefix, key): pass it as the organization-trail module's log_archive, which fails the plan on any mismatch.", archive.readyForTrail);
  output(stack, "member_log_prefix", `${props.keyPath}AWSLogs/${v.s("organization_id")}/<account-id>/`, "Where each member account lists and reads its own logs (list with the trailing slash).");
}

export const logArchiveModule = (): ModuleDefinition => ({ name: "log-archive", variables: LOG_ARCHIVE_VARIABLES, build, doc: LOG_ARCHIVE_DOC });
