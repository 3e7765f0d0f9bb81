import type { Concept } from "../shared/concept";
import { memberReaderRolesSections } from "./config";
import { memberReaderRolesPolicies } from "./policies";
import { MEMBER_READER_ROLES_RULES } from "./rules";

/** A reader role per member account, in the log-archive account. */
export const memberReaderRoles: Concept<typeof memberReaderRolesSections> = {
  name: "member-reader-roles",
  summary: "a reader role per member account, in the log-archive account",
  sections: memberReaderRolesSections,
  crossFieldRules: MEMBER_READER_ROLES_RULES,
  policies: memberReaderRolesPolicies,
  needs: ["deployment"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployMemberReaderRoles(ctx),
  module: () => (require("./module") as typeof import("./module")).memberReaderRolesModule(),
};
