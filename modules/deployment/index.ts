import type { Concept } from "../shared/concept";
import { deploymentSections } from "./config";
import { DEPLOYMENT_RULES } from "./rules";

/** How the deploy stack is deployed: tags, state backend, one provider per account. */
export const deployment: Concept<typeof deploymentSections> = {
  name: "deployment",
  summary: "the deploy stack's tags, state backend and per-account providers",
  sections: deploymentSections,
  renamed: { "deployment.accounts.trailAdmin": "deployment.accounts.delegatedAdmin" },
  crossFieldRules: DEPLOYMENT_RULES,
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployDeployment(ctx),
};
