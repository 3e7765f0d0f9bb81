import type { Concept } from "../shared/concept";
import { TRAIL_GUARDRAIL_REMOVED, trailGuardrailSections } from "./config";
import { trailGuardrailPolicies } from "./policies";
import { TRAIL_GUARDRAIL_RULES } from "./rules";

/** An SCP that keeps anyone from switching the organization trail off. */
export const trailGuardrail: Concept<typeof trailGuardrailSections> = {
  name: "trail-guardrail",
  summary: "an SCP that keeps anyone but exact exempt principals from switching the organization trail off or tampering with its archive",
  sections: trailGuardrailSections,
  removed: TRAIL_GUARDRAIL_REMOVED,
  crossFieldRules: TRAIL_GUARDRAIL_RULES,
  policies: trailGuardrailPolicies,
  needs: ["deployment", "organization-trail"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployTrailGuardrail(ctx),
  module: () => (require("./module") as typeof import("./module")).trailGuardrailModule(),
};
