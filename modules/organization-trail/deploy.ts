import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/inputs";
import { ORGANIZATION_TRAIL_VARIABLES } from "./module";
import { OrganizationTrail } from "./organization-trail";
import { organizationTrailProps } from "./props";

/** The organization trail, after everything it writes to or is checked against: the module's inputs, read off the config. */
export function deployOrganizationTrail(ctx: DeployContext): void {
  const inputs = literalInputs(ORGANIZATION_TRAIL_VARIABLES, ctx.config, { kms_key_arn: ctx.trailKey!.keyArn });
  ctx.trail = new OrganizationTrail(ctx.stack, "trail", {
    ...organizationTrailProps(inputs),
    dependsOn: ctx.readyForTrail,
    operations: ctx.trailOperations,
    provider: ctx.providers.delegatedAdmin,
  }).trail;
}
