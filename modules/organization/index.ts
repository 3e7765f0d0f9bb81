import type { Concept } from "../shared/concept";
import { organizationSections } from "./config";
import { checkOrganization, ORGANIZATION_RULES } from "./rules";

/** Who the organization is: its ID, management account, home region and partition. */
export const organization: Concept<typeof organizationSections> = {
  name: "organization",
  summary: "the organization: its ID, management account, home region and partition",
  sections: organizationSections,
  check: checkOrganization,
  crossFieldRules: ORGANIZATION_RULES,
};
