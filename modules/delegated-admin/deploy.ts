import { CloudtrailOrganizationDelegatedAdminAccount } from "../shared/facade";
import type { DeployContext } from "../shared/concept";

/**
 * Registers the CloudTrail delegated administrator from the management account, through CloudTrail (not only
 * Organizations), which also creates CloudTrail's service-linked role. The trail waits for it.
 */
export function deployDelegatedAdmin(ctx: DeployContext): void {
  const admin = ctx.config.organization.delegatedAdminAccountId;
  if (!admin) return;
  const registration = new CloudtrailOrganizationDelegatedAdminAccount(ctx.stack, "trail-admin-registration", { accountId: admin, provider: ctx.providers.management });
  // Its address predates the name "delegated admin"; kept so existing state needs no move.
  registration.overrideLogicalId("trail_admin");
  ctx.readyForTrail.push(registration);
  ctx.output("delegated_admin_account_id", admin, "CloudTrail delegated administrator that creates and manages the trail (owned by the management account).");
}
