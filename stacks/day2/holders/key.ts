import { isExpression, shown } from "../terraform-json";
import { stateRm, type LogHolder } from "./holder";

/** `aws_kms_key`: the key created for the trail. Not a store of logs, but nothing it encrypted is readable without it. */
export const KEY: LogHolder = {
  type: "aws_kms_key",
  subject: (before) => (typeof before.description === "string" && !isExpression(before.description) ? `KMS key ${shown(before.description)}` : "KMS key"),
  forcesReplacement: [
    { name: "customer_master_key_spec", omitted: { default: "SYMMETRIC_DEFAULT" }, why: "a key's type is fixed when it is created" },
    { name: "key_usage", omitted: { default: "ENCRYPT_DECRYPT" }, why: "a key's usage is fixed when it is created" },
    { name: "multi_region", omitted: { prior: true, createdAs: false }, why: "a key is single- or multi-Region from its creation" },
    { name: "custom_key_store_id", omitted: { default: undefined }, why: "a key's key store is fixed when it is created" },
    { name: "xks_key_id", omitted: { default: undefined }, why: "a key's external key is fixed when it is created" },
  ],
  destroyed: ({ before, action }) => {
    const window = before.deletion_window_in_days;
    const days = window === undefined ? "30 days, the AWS default" : isExpression(window) ? `${shown(window)} days` : `${String(window)} days`;
    return (
      `${action === "replace" ? "Terraform creates a new key and schedules this one" : "Terraform schedules the key"} for deletion ` +
      `(deletion window: ${days}). From that moment the key cannot decrypt: every log file encrypted with it — all history written while ` +
      "it was the trail's key — and the log-group events and notifications it encrypted cannot be read; when the window ends the key " +
      "is deleted and they can never be read again."
    );
  },
  remedy: (c) =>
    `Keep the key while anything encrypted with it exists: before applying, run ${stateRm([c.address])}, so the key stays with its ` +
    "policy and members, reader roles and the management account can still decrypt the history. Retire it only after the last file encrypted with it has expired " +
    "(logArchive.lifecycle.expirationDays) or been re-encrypted with the new key (S3 Batch Operations copy). A key already pending " +
    "deletion can be saved within its window: \`aws kms cancel-key-deletion\`, then \`aws kms enable-key\`.",
  keptRemedy: () =>
    "Nothing to do before applying: the key stays, enabled, with its alias and its last policy, so members (through S3) and the " +
    "management account still decrypt the history. Give the new key the statements readers need before switching (README, " +
    "\"Bringing your own KMS key\"). Reader and third-party roles name the new key from now on: while they must read files from " +
    "before the switch, add kms:Decrypt on the old key to them (or re-encrypt the history with the new key, S3 Batch Operations " +
    "copy). Schedule the old key's deletion yourself only after the last file it encrypted has expired (logArchive.lifecycle.expirationDays).",
};
