import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { ref } from "../shared/resources";
import { ifElse, isNull, notNull, toTemplate } from "../shared/value";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { notEmpty } from "../shared/variable-rules";
import { HOME_REGION, MANAGEMENT, PARTITION, TAGS, TRAIL_NAME } from "../organization/variables";
import { TrailGuardrail } from "./trail-guardrail";
import { TRAIL_GUARDRAIL_DOC } from "./readme";

export const TRAIL_GUARDRAIL_VARIABLES: readonly VariableSpec[] = [
  PARTITION,
  MANAGEMENT,
  HOME_REGION,
  TRAIL_NAME,
  { name: "target_ids", config: "trailGuardrail.targetIds", fromConfig: (c) => c.trailGuardrail?.targetIds ?? [], example: true, type: "list(string)", rules: [notEmpty], elementRules: "policyTargetId", description: "Root (r-xxxx), OU (ou-xxxx-xxxxxxxx) or account IDs the SCP is attached to; an SCP never applies to the management account." },
  { name: "break_glass_role_name", config: "trailGuardrail.breakGlassRoleName", fromConfig: (c) => c.trailGuardrail?.breakGlassRoleName ?? null, example: true, type: "string", default: null, rules: "roleName", description: "Roles of this name, in any account, are exempt from the SCP; null for no exemption." },
  TAGS,
];

/** trail-guardrail: the SCP protecting the organization trail, in the management account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const guardrail = new TrailGuardrail(stack, "trail-guardrail", {
    partition: v.s("partition"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    trailName: v.s("trail_name"),
    breakGlass: {
      enabled: notNull(v.expr("break_glass_role_name")),
      roleName: toTemplate(ifElse(isNull(v.expr("break_glass_role_name")), "", v.expr("break_glass_role_name"))),
    },
    targetIds: v.expr("target_ids"),
    tags: v.expr("tags"),
  });
  output(stack, "policy_id", ref(guardrail.policy, "id"), "ID of the SCP.");
  output(stack, "policy_arn", ref(guardrail.policy, "arn"), "ARN of the SCP.");
}

export const trailGuardrailModule = (): ModuleDefinition => ({ name: "trail-guardrail", variables: TRAIL_GUARDRAIL_VARIABLES, build, doc: TRAIL_GUARDRAIL_DOC });
