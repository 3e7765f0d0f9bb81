import { trailArn } from "../shared/arns";
import { POLICY_VERSION, when, type PolicyDocument, type Statement } from "../shared/document";
import { not, type Value } from "../shared/value";
import { TRAIL_TAMPERING_ACTIONS, type TrailOwner } from "../cloudtrail-user-policies/user-policies";

export interface TrailGuardrailIntent extends TrailOwner {
  /** Exempt roles of this name in any account (break glass). */
  readonly breakGlass: { readonly enabled: Value<boolean>; readonly roleName: string };
}

/**
 * A service control policy that denies stopping, deleting, updating the organization trail and changing its
 * selectors to every principal of the accounts it applies to, except roles named `breakGlass.roleName`. SCPs never
 * apply to the management account (the protect-trail IAM policy covers it) nor to service principals. It matters
 * most for a delegated administrator account, which may otherwise manage the organization trail.
 */
export function trailGuardrailScp(i: TrailGuardrailIntent): PolicyDocument {
  const deny: Statement = {
    Sid: "DenyOrganizationTrailChanges",
    Effect: "Deny",
    Action: [...TRAIL_TAMPERING_ACTIONS],
    Resource: trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName),
  };
  // aws:PrincipalArn of an assumed role is the role's ARN, never the session's; a role with a path has it in the ARN.
  const role = `arn:${i.partition}:iam::*:role`;
  const exempt = { ArnNotLike: { "aws:PrincipalArn": [`${role}/${i.breakGlass.roleName}`, `${role}/*/${i.breakGlass.roleName}`] } };
  return {
    Version: POLICY_VERSION,
    Statement: [when(i.breakGlass.enabled, [{ ...deny, Condition: exempt }]), when(not(i.breakGlass.enabled), [deny])],
  };
}
