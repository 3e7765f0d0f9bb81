import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { duplicates } from "../shared/rules/duplicates";

export function checkMemberReaderRoles(c: Config, report: Report): void {
  duplicates(c.memberRoles, (m) => m.accountId, (i, v) => report(["memberRoles", i, "accountId"], v, "must be unique: an account has one reader role"));
}

export const MEMBER_READER_ROLES_RULES: readonly CrossFieldRule[] = [
  { rule: "memberRoles: each account ID once; role names unique ignoring case", source: "IAM User Guide, 'IAM object quotas and names' (role names are unique per account, case-insensitively)" },
];
