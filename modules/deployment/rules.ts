import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";
import type { AccountProvider } from "./config";

/** AWS allows 50 user tags per resource; the provider's default tags count towards it (Tagging AWS resources). */
export const MAX_TAGS = 50;

export const DEPLOYMENT_RULES: readonly CrossFieldRule[] = [
  {
    rule: "deployment.accounts.delegatedAdmin only with organization.delegatedAdminAccountId; deployment.accounts.logArchive only with a separate log-archive account",
    source: "orgtrail: no provider would use the settings",
    check: (c, report) => {
      const accounts = c.deployment.accounts;
      if (accounts.delegatedAdmin && c.organization.delegatedAdminAccountId === undefined) {
        report(["deployment", "accounts", "delegatedAdmin"], accounts.delegatedAdmin, "must not be set without organization.delegatedAdminAccountId: no provider uses it");
      }
      if (accounts.logArchive && (c.logArchive.accountId ?? c.organization.managementAccountId) === c.organization.managementAccountId) {
        report(["deployment", "accounts", "logArchive"], accounts.logArchive, "must not be set while the log archive is in the management account: no provider uses it");
      }
    },
  },
  {
    rule: "deployment.accounts.*.assumeRoleArn is set when externalId or sessionName is, and is in the organization's partition",
    source: "Terraform AWS provider documentation, 'assume_role' configuration block",
    check: (c, report) => {
      const partition = c.organization.partition;
      for (const [name, a] of Object.entries(c.deployment.accounts) as [string, AccountProvider | undefined][]) {
        if (a && (a.externalId || a.sessionName) && !a.assumeRoleArn) {
          report(["deployment", "accounts", name, "assumeRoleArn"], undefined, "must be set when externalId or sessionName is: they belong to the assumed role");
        }
        // Only an ARN valid on its own is judged: a malformed one gets one message, not two.
        if (a?.assumeRoleArn && follows("iamRoleArn", a.assumeRoleArn) && a.assumeRoleArn.split(":")[1] !== partition) {
          report(["deployment", "accounts", name, "assumeRoleArn"], a.assumeRoleArn, `must be in partition ${partition}`);
        }
      }
    },
  },
  {
    rule: "deployment.backend.encrypt is true when kmsKeyId is set",
    source: "Terraform documentation, 'Backend Type: s3' (kms_key_id)",
    check: (c, report) => {
      const backend = c.deployment.backend;
      if (backend.type === "s3" && backend.kmsKeyId && !backend.encrypt) report(["deployment", "backend", "encrypt"], false, "must be true when kmsKeyId is set");
    },
  },
  {
    rule: "tags has at most 50 entries",
    source: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements' (50 user tags per resource)",
    check: (c, report) => {
      const tagCount = Object.keys(c.tags).length;
      if (tagCount > MAX_TAGS) report(["tags"], `${tagCount} tags`, `must have at most ${MAX_TAGS} entries: AWS allows ${MAX_TAGS} user tags per resource`);
    },
  },
];
