/**
 * The created key and its alias, as the deploy stack addresses them: kept (`removed`, never destroyed) by a deploy
 * stack that brings its key. Switching `encryption.kmsKey` from "create" to an ARN would otherwise schedule the old
 * key for deletion, and with it every log file it encrypted. The kept key keeps its last policy: members (through
 * S3) and the management account can still decrypt the history, and its alias still names it.
 *
 * Deploy stack only: in a vendorable module the key is counted (`kms_key_arn == null`) and still configured, which
 * a `removed` block may not name; there `prevent_destroy` refuses the plan and the README gives the `state rm` step.
 */
export const CREATED_KEY_ADDRESSES = ["aws_kms_key.cloudtrail", "aws_kms_alias.cloudtrail"] as const;
