import type { DeployContext } from "../shared/concept";
import { settingsOf } from "../organization/settings";
import { TrailGuardrail } from "./trail-guardrail";

/** The SCP that protects the organization trail, attached to its targets from the management account. */
export function deployTrailGuardrail(ctx: DeployContext): void {
  const guardrail = ctx.config.trailGuardrail;
  if (!guardrail) return;
  const roleName = guardrail.breakGlassRoleName;
  new TrailGuardrail(ctx.stack, "trail-guardrail", { ...settingsOf(ctx.config), breakGlass: { enabled: roleName !== undefined, roleName: roleName ?? "" }, targetIds: guardrail.targetIds });
}
