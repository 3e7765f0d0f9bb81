import { CloudtrailOrganizationDelegatedAdminAccount } from "../shared/facade";
import type { DeployContext } from "../shared/concept";

/**
 * Registers the CloudTrail delegated administrator from the management account, through CloudTrail (not only
 * Organizations), which also creates CloudTrail's service-linked role. The trail waits for it.
 */
export function deployDelegatedAdmin(ctx: DeployContext): void {
  const admin = ctx.config.organization.trailAdminAccountId;
  if (!admin) return;
  const registration = new CloudtrailOrganizationDelegatedAdminAccount(ctx.stack, "trail-admin-registration", { accountId: admin, provider: ctx.providers.management });
  registration.overrideLogicalId("trail_admin");
  ctx.readyForTrail.push(registration);
  ctx.output("trail_admin_account_id", admin, "CloudTrail delegated administrator that creates and manages the trail (owned by the management account).");
}
