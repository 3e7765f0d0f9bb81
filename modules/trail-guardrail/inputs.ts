import { notEmpty } from "../shared/variable-rules";
import { HOME_REGION, MANAGEMENT, PARTITION, TAGS, TRAIL_NAME } from "../organization/variables";
import type { VariableSpec } from "../shared/inputs";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const TRAIL_GUARDRAIL_VARIABLES: readonly VariableSpec[] = [
  PARTITION,
  MANAGEMENT,
  HOME_REGION,
  TRAIL_NAME,
  { name: "target_ids", config: "trailGuardrail.targetIds", fromConfig: (c) => c.trailGuardrail?.targetIds ?? [], example: true, type: "list(string)", rules: [notEmpty], elementRules: "policyTargetId", description: "Root (r-xxxx), OU (ou-xxxx-xxxxxxxx) or account IDs the SCP is attached to; an SCP never applies to the management account." },
  { name: "break_glass_role_name", config: "trailGuardrail.breakGlassRoleName", fromConfig: (c) => c.trailGuardrail?.breakGlassRoleName ?? null, example: true, type: "string", default: null, rules: "roleName", description: "Roles of this name, in any account, are exempt from the SCP; null for no exemption." },
  TAGS,
];
