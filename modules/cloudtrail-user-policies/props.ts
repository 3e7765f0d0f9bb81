import type { Inputs } from "../shared/inputs";
import { logLocation } from "../organization/variables";
import type { CloudTrailUserPoliciesProps } from "./cloudtrail-user-policies";

/** The user policies' props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const cloudTrailUserPoliciesProps = (v: Inputs): CloudTrailUserPoliciesProps => ({
  ...logLocation(v),
  trailName: v.s("trail_name"),
  readOnly: v.value("create_read_only_policy"),
  administration: v.value("create_administration_policy"),
  protectTrail: v.value("create_protect_trail_policy"),
  tags: v.value("tags"),
});
