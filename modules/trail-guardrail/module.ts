import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { ref } from "../shared/resources";
import type { ModuleVariables } from "../shared/variables";
import { trailGuardrailProps } from "./props";
import { TrailGuardrail } from "./trail-guardrail";
import { TRAIL_GUARDRAIL_DOC } from "./readme";
import { TRAIL_GUARDRAIL_VARIABLES } from "./inputs";

export { TRAIL_GUARDRAIL_VARIABLES };

/** trail-guardrail: the SCP protecting the organization trail, in the management account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const guardrail = new TrailGuardrail(stack, "trail-guardrail", trailGuardrailProps(v));
  output(stack, "policy_id", ref(guardrail.policy, "id"), "ID of the SCP.");
  output(stack, "policy_arn", ref(guardrail.policy, "arn"), "ARN of the SCP.");
  output(stack, "perimeter_policy_id", ref(guardrail.perimeter!, "id"), "ID of the data-perimeter RCP; null without data_perimeter.");
}

export const trailGuardrailModule = (): ModuleDefinition => ({ name: "trail-guardrail", variables: TRAIL_GUARDRAIL_VARIABLES, build, doc: TRAIL_GUARDRAIL_DOC });
