import { shown } from "../terraform-json";
import { stateRm, type LogHolder } from "./holder";

/** `aws_s3_bucket`: the log archive and the access-log bucket. */
export const BUCKET: LogHolder = {
  type: "aws_s3_bucket",
  subject: (before) => `S3 bucket ${shown(before.bucket ?? before.bucket_prefix)}`,
  forcesReplacement: [
    { name: "bucket", omitted: { prior: true }, why: "a bucket cannot be renamed: a new name is a new bucket" },
    { name: "bucket_prefix", omitted: { prior: true }, why: "a bucket cannot be renamed: a new name is a new bucket" },
    { name: "object_lock_enabled", omitted: { prior: true, createdAs: false }, why: "the provider turns Object Lock on only when it creates a bucket" },
  ],
  configuredBy: { typePrefix: "aws_s3_bucket_", argument: "bucket" },
  destroyed: ({ before }) =>
    before.force_destroy === true
      ? "Terraform empties the bucket (force_destroy = true) — every version of every log file in it — and deletes it: the history is gone."
      : "Terraform first deletes what configures the bucket (its policy, encryption, versioning, lifecycle, public access block), then " +
        "fails to delete the bucket itself because it is not empty (BucketNotEmpty). The apply stops halfway: the logs stay, in a " +
        "bucket that has lost its policy and protections, and writers that relied on that policy (CloudTrail, S3 server access " +
        "logging) can no longer deliver to it.",
  keptRemedy: () =>
    "Nothing to do before applying: the bucket stays with its logs, policy, encryption and lifecycle (which keeps expiring old " +
    "objects). Empty and delete it yourself once its logs are no longer needed.",
  remedy: (c) => {
    if (c.action === "replace" && c.changed.every((a) => a === "object_lock_enabled")) {
      return (
        "Turn Object Lock on in place instead: S3 enables it on an existing bucket with versioning on, and orgtrail does so through " +
        "aws_s3_bucket_object_lock_configuration (object_lock_enabled = \"Enabled\"), leaving the bucket's own object_lock_enabled out. " +
        "If this output sets the bucket's argument by hand, remove it; the provider reads object_lock_enabled = true back from the " +
        "bucket and the plan shows no replacement. Check that it does before applying."
      );
    }
    const keep = `run ${stateRm(c.keepTogether)}`;
    return c.action === "replace"
      ? "Keep the old name unless you mean to start a new archive. To start one and keep the old bucket with its logs and settings: " +
          `before applying, ${keep}; Terraform then creates the new bucket and leaves the old one as it is. Point readers (Athena, SIEM) ` +
          "at both until the old logs expire, or copy them (S3 Batch Operations) and keep the originals: digest files name their keys, " +
          "and \`aws cloudtrail validate-logs\` reads them there."
      : `To keep the bucket with its logs: before applying, ${keep}; Terraform then leaves it as it is. Empty and delete it ` +
          "yourself once its logs are no longer needed.";
  },
};
