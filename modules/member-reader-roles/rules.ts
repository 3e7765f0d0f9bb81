import type { CrossFieldRule } from "../shared/rules/cross-field";
import { duplicates } from "../shared/rules/duplicates";

export const MEMBER_READER_ROLES_RULES: readonly CrossFieldRule[] = [
  {
    rule: "memberRoles: each account ID once",
    source: "orgtrail: an account has one reader role (its default name is derived from the account ID)",
    check: (c, report) => duplicates(c.memberRoles, (m) => m.accountId, (i, v) => report(["memberRoles", i, "accountId"], v, "must be unique: an account has one reader role")),
  },
];
