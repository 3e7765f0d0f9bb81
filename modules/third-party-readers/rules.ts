import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { duplicates } from "../shared/rules/duplicates";
import { memberRoleName } from "../member-reader-roles/config";

export function checkThirdPartyReaders(c: Config, report: Report): void {
  const management = c.organization.managementAccountId;
  const logArchive = c.logArchive.accountId ?? management;
  const members = new Set(c.memberRoles.map((m) => m.accountId));

  c.thirdPartyReaders.forEach((t, i) => {
    if (t.accountId === management || t.accountId === logArchive) {
      report(["thirdPartyReaders", i, "accountId"], t.accountId, "must not be the management or log-archive account: they are not third parties");
    } else if (members.has(t.accountId)) {
      report(["thirdPartyReaders", i, "accountId"], t.accountId, "must not also be in memberRoles: an account is either a member reader or a third party");
    }
    duplicates(t.accounts ?? [], (a) => a, (j, v) => report(["thirdPartyReaders", i, "accounts", j], v, "must be unique"));
  });
  duplicates(c.thirdPartyReaders, (t) => t.accountId, (i, v) => report(["thirdPartyReaders", i, "accountId"], v, "must be unique: one role per third party"));

  // Every reader role lands in the log-archive account, where role names are unique case-insensitively.
  // A repeated member account is reported by memberRoles; its default role name would only repeat that problem.
  const firstOfAccount = (m: { accountId: string }, i: number) => c.memberRoles.findIndex((x) => x.accountId === m.accountId) === i;
  const roles = [
    ...c.memberRoles.flatMap((m, i) => (m.roleName || firstOfAccount(m, i) ? [{ name: memberRoleName(m), path: ["memberRoles", i, m.roleName ? "roleName" : "accountId"] }] : [])),
    ...c.thirdPartyReaders.map((t, i) => ({ name: t.name, path: ["thirdPartyReaders", i, "name"] })),
  ];
  duplicates(roles, (r) => r.name.toLowerCase(), (i, v) => report(roles[i].path, roles[i].name, `must give a role name not used by another reader role (${v}); IAM role names are unique per account, ignoring case`));
}

export const THIRD_PARTY_READERS_RULES: readonly CrossFieldRule[] = [
  { rule: "thirdPartyReaders: names unique; each accounts entry once; accountId is neither the management nor the log-archive account; an account is in no more than one list (memberRoles or thirdPartyReaders)", source: "IAM User Guide, 'Access to AWS accounts owned by third parties' (a third party is outside your accounts)" },
];
