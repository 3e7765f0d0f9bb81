import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/variables";
import { CloudTrailUserPolicies } from "./cloudtrail-user-policies";
import { CLOUDTRAIL_USER_POLICIES_VARIABLES } from "./module";
import { cloudTrailUserPoliciesProps } from "./props";

/** The customer managed policies for CloudTrail operators, in the management account: the module's inputs, read off the config. */
export function deployCloudTrailUserPolicies(ctx: DeployContext): void {
  const user = ctx.config.userPolicies;
  if (!user || !(user.readOnly || user.administration || user.protectTrail)) return;
  new CloudTrailUserPolicies(ctx.stack, "cloudtrail-user-policies", cloudTrailUserPoliciesProps(literalInputs(CLOUDTRAIL_USER_POLICIES_VARIABLES, ctx.config)));
}
