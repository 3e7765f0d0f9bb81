import type { Concept } from "../shared/concept";
import { delegatedAdminExtends } from "./config";
import { DELEGATED_ADMIN_RULES } from "./rules";

/** A CloudTrail delegated administrator account that creates and manages the trail. */
export const delegatedAdmin: Concept<Record<never, never>, typeof delegatedAdminExtends> = {
  name: "delegated-admin",
  summary: "a CloudTrail delegated administrator that creates and manages the trail",
  extends: delegatedAdminExtends,
  // One name for the delegated administrator across config, variables, providers and docs (was trailAdminAccountId).
  renamed: { "organization.trailAdminAccountId": "organization.delegatedAdminAccountId" },
  crossFieldRules: DELEGATED_ADMIN_RULES,
  needs: ["deployment"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployDelegatedAdmin(ctx),
};
