import type { CrossFieldRule } from "../shared/rules/cross-field";
import { duplicates } from "../shared/rules/duplicates";
import { memberRoleName } from "../member-reader-roles/config";

export const THIRD_PARTY_NOT_OWN_ACCOUNT: CrossFieldRule = {
  rule: "thirdPartyReaders: accountId is neither the management nor the log-archive account",
  source: "IAM User Guide, 'Access to AWS accounts owned by third parties' (a third party is outside your accounts)",
  check: (c, report) => {
    const management = c.organization.managementAccountId;
    const logArchive = c.logArchive.accountId ?? management;
    c.thirdPartyReaders.forEach((t, i) => {
      if (t.accountId === management || t.accountId === logArchive) {
        report(["thirdPartyReaders", i, "accountId"], t.accountId, "must not be the management or log-archive account: they are not third parties");
      }
    });
  },
  precondition: {
    module: "third-party-readers",
    errorMessage: "A third-party reader's account_id must not be the management or log-archive account: they are not third parties.",
    on: { "aws_iam_role.third_party_reader": (v) => `!contains([${v("management_account_id")}, ${v("log_archive_account_id")}], each.value.account_id)` },
  },
};

export const THIRD_PARTY_READERS_RULES: readonly CrossFieldRule[] = [
  THIRD_PARTY_NOT_OWN_ACCOUNT,
  {
    rule: "an account is in no more than one list: memberRoles or thirdPartyReaders",
    source: "orgtrail: an account is either a member reader or a third party",
    check: (c, report) => {
      const own = [c.organization.managementAccountId, c.logArchive.accountId ?? c.organization.managementAccountId];
      const members = new Set(c.memberRoles.map((m) => m.accountId));
      c.thirdPartyReaders.forEach((t, i) => {
        // An own account is reported by the rule above: it is no member either way.
        if (!own.includes(t.accountId) && members.has(t.accountId)) {
          report(["thirdPartyReaders", i, "accountId"], t.accountId, "must not also be in memberRoles: an account is either a member reader or a third party");
        }
      });
    },
  },
  {
    rule: "thirdPartyReaders: each accounts entry once",
    source: "orgtrail: a reader is granted each account once",
    check: (c, report) => c.thirdPartyReaders.forEach((t, i) => duplicates(t.accounts ?? [], (a) => a, (j, v) => report(["thirdPartyReaders", i, "accounts", j], v, "must be unique"))),
  },
  {
    rule: "thirdPartyReaders: each accountId once",
    source: "orgtrail: one role per third party",
    check: (c, report) => duplicates(c.thirdPartyReaders, (t) => t.accountId, (i, v) => report(["thirdPartyReaders", i, "accountId"], v, "must be unique: one role per third party")),
  },
  {
    rule: "reader role names (memberRoles and thirdPartyReaders) are unique ignoring case",
    source: "IAM User Guide, 'IAM object quotas and names' (role names are unique per account, case-insensitively; every reader role is in the log-archive account)",
    check: (c, report) => {
      // A repeated member account is reported by memberRoles; its default role name would only repeat that problem.
      const firstOfAccount = (m: { accountId: string }, i: number) => c.memberRoles.findIndex((x) => x.accountId === m.accountId) === i;
      const roles = [
        ...c.memberRoles.flatMap((m, i) => (m.roleName || firstOfAccount(m, i) ? [{ name: memberRoleName(m), path: ["memberRoles", i, m.roleName ? "roleName" : "accountId"] }] : [])),
        ...c.thirdPartyReaders.map((t, i) => ({ name: t.name, path: ["thirdPartyReaders", i, "name"] })),
      ];
      duplicates(roles, (r) => r.name.toLowerCase(), (i, v) => report(roles[i].path, roles[i].name, `must give a role name not used by another reader role (${v}); IAM role names are unique per account, ignoring case`));
    },
  },
];
