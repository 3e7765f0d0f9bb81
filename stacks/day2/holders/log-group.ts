import { shown } from "../terraform-json";
import { stateRm, type LogHolder } from "./holder";

/** A kept group encrypted with the trail key stays readable only while the key policy still names it. */
const KEY_POLICY_NOTE =
  "If the group is encrypted with the trail key, the key policy's CloudWatch Logs statement names the group: keep a statement " +
  "for the old group's ARN, or its events cannot be decrypted.";

/** `aws_cloudwatch_log_group`: the trail's CloudWatch Logs copy of every event. */
export const LOG_GROUP: LogHolder = {
  type: "aws_cloudwatch_log_group",
  subject: (before) => `log group ${shown(before.name ?? before.name_prefix)}`,
  forcesReplacement: [
    { name: "name", omitted: { prior: true }, why: "a log group cannot be renamed: a new name is a new group" },
    { name: "name_prefix", omitted: { prior: true }, why: "a log group cannot be renamed: a new name is a new group" },
    { name: "log_group_class", omitted: { prior: true, createdAs: "STANDARD" }, why: "a log group's class is fixed when it is created" },
  ],
  destroyed: ({ action }) =>
    `Terraform deletes the log group and every event in it (DeleteLogGroup)${action === "replace" ? " and creates a new, empty one" : ""}. ` +
    "The same events remain in the S3 archive (the trail delivers to both), but metric filters, alarms and Logs Insights queries on " +
    "this group lose their history, and metric filters attached to it are deleted with it.",
  keptByState: ({ before, action }) =>
    before.skip_destroy === true
      ? `${action === "replace" ? "Terraform creates a new log group and" : "Terraform"} forgets the old one without deleting it ` +
        `(skip_destroy = true): its events stay until their retention ends, no longer managed by this stack. ${KEY_POLICY_NOTE}`
      : undefined,
  remedy: (c) =>
    `Before applying, run ${stateRm([c.address])}, so the old group and its events stay (unmanaged) until their retention ends; ` +
    `export what you need first (\`aws logs create-export-task\`). ${KEY_POLICY_NOTE} Move metric filters and alarms to ` +
    `${c.action === "replace" ? "the new group" : "wherever events go next"}.`,
  strands: [
    {
      arguments: ["kms_key_id"],
      effect: ({ before, after }) =>
        `CloudWatch Logs encrypts new events with ${shown(after!.kms_key_id)}; events already in the group stay encrypted with ` +
        `${shown(before.kms_key_id)} and can be read only while that key exists and lets CloudWatch Logs decrypt for this group.`,
      remedy: ({ before }) =>
        `Keep the old key (${shown(before.kms_key_id)}), with its CloudWatch Logs statement for this group, until the events written before the switch ` +
        "have passed the group's retention.",
    },
  ],
};
