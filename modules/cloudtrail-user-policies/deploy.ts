import type { DeployContext } from "../shared/concept";
import { accessLocation } from "../trail-key/reader-key";
import { CloudTrailUserPolicies } from "./cloudtrail-user-policies";

/** The customer managed policies for CloudTrail operators, in the management account. */
export function deployCloudTrailUserPolicies(ctx: DeployContext): void {
  const user = ctx.config.userPolicies;
  if (!user || !(user.readOnly || user.administration || user.protectTrail)) return;
  new CloudTrailUserPolicies(ctx.stack, "cloudtrail-user-policies", { ...accessLocation(ctx.config), readOnly: user.readOnly, administration: user.administration, protectTrail: user.protectTrail });
}
