import type { Inputs } from "../shared/inputs";
import { ifElse, isNull, notNull, toTemplate } from "../shared/value";
import type { TrailGuardrailProps } from "./trail-guardrail";

/** The guardrail's props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const trailGuardrailProps = (v: Inputs): TrailGuardrailProps => ({
  partition: v.s("partition"),
  managementAccountId: v.s("management_account_id"),
  homeRegion: v.s("trail_home_region"),
  trailName: v.s("trail_name"),
  breakGlass: {
    enabled: notNull(v.value("break_glass_role_name")),
    roleName: toTemplate(ifElse(isNull(v.value("break_glass_role_name")), "", v.value<string>("break_glass_role_name"))),
  },
  targetIds: v.value("target_ids"),
  tags: v.value("tags"),
});
