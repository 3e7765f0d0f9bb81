import type { Concept } from "../shared/concept";
import { organizationTrailSections } from "./config";
import { WIRING_RULES } from "./rules";

/** The organization trail, owned by the management account. */
export const organizationTrail: Concept<typeof organizationTrailSections> = {
  name: "organization-trail",
  summary: "the organization trail",
  sections: organizationTrailSections,
  crossFieldRules: WIRING_RULES,
  needs: ["log-archive", "delegated-admin", "trail-delivery", "event-selectors"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployOrganizationTrail(ctx),
  module: () => (require("./module") as typeof import("./module")).organizationTrailModule(),
};
