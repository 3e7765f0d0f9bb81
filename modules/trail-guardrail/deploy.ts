import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/variables";
import { TRAIL_GUARDRAIL_VARIABLES } from "./module";
import { trailGuardrailProps } from "./props";
import { TrailGuardrail } from "./trail-guardrail";

/** The SCP that protects the organization trail, attached to its targets from the management account: the module's inputs, read off the config. */
export function deployTrailGuardrail(ctx: DeployContext): void {
  if (!ctx.config.trailGuardrail) return;
  // Attached after the trail: the provider's PutEventSelectors/PutInsightSelectors right after CreateTrail, and the
  // trail's own destroy, must not meet the SCP (the deploying role is exempt, but ordering keeps a first apply whole).
  new TrailGuardrail(ctx.stack, "trail-guardrail", { ...trailGuardrailProps(literalInputs(TRAIL_GUARDRAIL_VARIABLES, ctx.config)), dependsOn: ctx.trail ? [ctx.trail] : [] });
}
