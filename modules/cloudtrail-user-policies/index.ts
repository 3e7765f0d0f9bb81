import type { Concept } from "../shared/concept";
import { cloudTrailUserPoliciesSections } from "./config";
import { cloudTrailUserPoliciesPolicies } from "./policies";

/** IAM policies for CloudTrail operators. */
export const cloudTrailUserPolicies: Concept<typeof cloudTrailUserPoliciesSections> = {
  name: "cloudtrail-user-policies",
  summary: "IAM policies for CloudTrail operators",
  sections: cloudTrailUserPoliciesSections,
  // One name for the administration policy across config, variable, policy name and docs (was fullAccess).
  renamed: { "userPolicies.fullAccess": "userPolicies.administration" },
  policies: cloudTrailUserPoliciesPolicies,
  needs: ["deployment"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployCloudTrailUserPolicies(ctx),
  module: () => (require("./module") as typeof import("./module")).cloudTrailUserPoliciesModule(),
};
