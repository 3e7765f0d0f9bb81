import type { Concept } from "../shared/concept";
import { memberAccessSections } from "./config";
import { MEMBER_ACCESS_RULES } from "./rules";

/** Each member account reads its own folder through the bucket and key policies (built by log-archive). */
export const memberAccess: Concept<typeof memberAccessSections> = {
  name: "member-access",
  summary: "each member account reads its own logs through the bucket and key policies",
  sections: memberAccessSections,
  crossFieldRules: MEMBER_ACCESS_RULES,
};
