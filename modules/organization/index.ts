import type { Concept } from "../shared/concept";
import { organizationSections } from "./config";
import { ORGANIZATION_RULES } from "./rules";

/** Who the organization is: its ID, management account, home region and partition. */
export const organization: Concept<typeof organizationSections> = {
  name: "organization",
  summary: "the organization: its ID, management account, home region and partition",
  sections: organizationSections,
  crossFieldRules: ORGANIZATION_RULES,
};
