import { isExpression, shown, type Body } from "../terraform-json";
import { stateRm, type LogHolder, type StrandingRule } from "./holder";

/** Where a trail writes, as a reader looks for it: `s3://bucket/prefix/AWSLogs/…`. */
function location(b: Body): string {
  const value = (v: unknown) => (isExpression(v) ? shown(v) : String(v ?? ""));
  const prefix = value(b.s3_key_prefix);
  return `s3://${value(b.s3_bucket_name)}/${prefix ? `${prefix}/` : ""}AWSLogs/…`;
}

const MOVES_FILES: StrandingRule = {
  arguments: ["s3_bucket_name", "s3_key_prefix"],
  omitted: { s3_key_prefix: "" },
  effect: ({ before, after, action, changed }) =>
    `${action === "replace" ? "The new trail writes" : "The trail is updated in place and writes"} new files to ${location(after!)}; ` +
    `every file delivered so far stays under ${location(before)}. ` +
    // previousKeyPrefixes keeps old prefixes of the same bucket readable; nothing of orgtrail's keeps an old bucket readable.
    (changed.includes("s3_bucket_name") ? "The " : "Unless logArchive.previousKeyPrefixes lists the old prefix, the ") +
    "bucket policy and the reader roles' policies are rewritten for the new location only: members, reader roles and third " +
    "parties lose read access to the history. Whatever reads the old location (Athena tables, SIEM collectors) sees no new files.",
  remedy: ({ before, changed }) => {
    const old = isExpression(before.s3_key_prefix) ? shown(before.s3_key_prefix) : JSON.stringify(String(before.s3_key_prefix ?? ""));
    const keepReading = changed.includes("s3_bucket_name")
      ? "grant readers the old bucket as well until its files expire (orgtrail's policies name one bucket: add a statement yourself, or let readers use copies)"
      : `add the old prefix to logArchive.previousKeyPrefixes (${old}; module variable previous_key_prefixes) so members, reader roles ` +
        "and third parties keep reading it while CloudTrail writes only to the new one";
    return (
      "Keep the location unless readers must move with it. If it must move: leave the old files where they are (digest files name " +
      `their keys, and \`aws cloudtrail validate-logs\` reads them there), ${keepReading}, and move Athena tables and SIEM ` +
      "collectors to the new location in the same change."
    );
  },
};

const SWITCHES_KEY: StrandingRule = {
  arguments: ["kms_key_id"],
  effect: ({ before, after }) =>
    `New log files are encrypted with ${shown(after!.kms_key_id)}; every file delivered so far stays encrypted with ` +
    `${shown(before.kms_key_id)} and can be read only while that key exists and its policy lets readers decrypt (members through S3, ` +
    "the management account, reader roles, third parties).",
  remedy: ({ before }) =>
    `Keep the old key (${shown(before.kms_key_id)}) enabled, with its decrypt statements, until the last file encrypted with it has expired ` +
    "(logArchive.lifecycle.expirationDays; a key orgtrail created is kept by the deploy stack's removed block, with its policy; a " +
    "brought key is yours to keep), or re-encrypt the history with the new key first (S3 Batch Operations copy with SSE-KMS). " +
    "Give the new key the statements readers need before switching (README, \"Bringing your own KMS key\").",
};

/** `aws_cloudtrail`: the organization trail, which produces every log. */
export const TRAIL: LogHolder = {
  type: "aws_cloudtrail",
  subject: (before) => `trail ${shown(before.name)}`,
  forcesReplacement: [{ name: "name", omitted: { default: undefined }, why: "a trail cannot be renamed: a new name is a new trail" }],
  destroyed: ({ action }) =>
    action === "replace"
      ? "Terraform deletes the trail, then creates the new one: in between no event of any account in the organization is recorded, " +
        "and the new trail's delivery (bucket and prefix, key, CloudWatch Logs, SNS, event selectors) starts from this config. Files " +
        "already delivered stay where they are (the trail name is not part of their keys) and stay readable with orgtrail's key " +
        "policy, whose decrypt statements match any trail of the management account."
      : "Terraform deletes the organization trail: from then on no event of any account in the organization is recorded. Files " +
        "already delivered stay in the bucket.",
  remedy: (c) =>
    c.action === "replace"
      ? "Keep the name unless you need a new trail. If you do, apply in a quiet window and expect a gap in the record between the old " +
        "trail's deletion and the new trail's first delivery (orgtrail's bucket and key policies admit one trail by aws:SourceArn, so " +
        "the two cannot overlap); then confirm it logs: \`aws cloudtrail get-trail-status --name <new name>\`."
      : `If the trail moves to another Terraform root, run ${stateRm([c.address])} before applying and \`terraform import\` it ` +
        "there, so it never stops logging; otherwise keep it.",
  strands: [MOVES_FILES, SWITCHES_KEY],
};
