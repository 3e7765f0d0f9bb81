import type { Config } from "../config/schema";
import { memberRoleName } from "../config/access-schema";
import { resolveDocument } from "../modules/shared/document";
import { logReaderPolicy, memberTrustPolicy, thirdPartyTrustPolicy } from "../modules/member-reader-roles/reader-policies";
import { trailGuardrailScp } from "../modules/trail-guardrail/guardrail-scp";
import { protectTrailPolicy, readOnlyUserPolicy, trailAdminUserPolicy } from "../modules/cloudtrail-user-policies/user-policies";
import { accessLocation } from "./access-settings";
import type { NamedPolicy } from "./policy-sizes";
import { settingsOf } from "./settings";

/**
 * Every access policy a config produces, as AWS will receive it, with the limit it is measured against: trust
 * policies 2,048 characters, a role's inline policies 10,240 together (each role has one), managed policies 6,144,
 * the SCP 5,120.
 */
export function accessPoliciesOf(config: Config): NamedPolicy[] {
  const s = settingsOf(config);
  const location = accessLocation(config);
  const out: NamedPolicy[] = [];
  const add = (name: string, kind: NamedPolicy["kind"], doc: Parameters<typeof resolveDocument>[0]) => out.push({ name, kind, document: resolveDocument(doc) });

  for (const m of config.memberRoles) {
    const role = memberRoleName(m);
    add(`role ${role} trust`, "trustPolicy", memberTrustPolicy({ partition: s.partition, trustedAccountId: m.accountId, requireMfa: m.requireMfa }));
    add(`role ${role} inline`, "inlinePoliciesPerRole", logReaderPolicy({ ...location, allAccounts: false, accounts: [m.accountId] }));
  }
  for (const t of config.thirdPartyReaders) {
    add(`role ${t.name} trust`, "trustPolicy", thirdPartyTrustPolicy({ partition: s.partition, trustedAccountId: t.accountId, externalId: t.externalId, requireMfa: t.requireMfa }));
    add(`role ${t.name} inline`, "inlinePoliciesPerRole", logReaderPolicy({ ...location, allAccounts: t.accounts === undefined, accounts: t.accounts ?? [] }));
  }
  const user = config.userPolicies;
  if (user?.readOnly) add("CloudTrail read-only policy", "managedPolicy", readOnlyUserPolicy(location));
  if (user?.fullAccess) add("CloudTrail administration policy", "managedPolicy", trailAdminUserPolicy(location));
  if (user?.protectTrail) add("protect-trail policy", "managedPolicy", protectTrailPolicy(location));
  const guardrail = config.trailGuardrail;
  if (guardrail) {
    const roleName = guardrail.breakGlassRoleName;
    add("trail guardrail SCP", "scp", trailGuardrailScp({ ...s, breakGlass: { enabled: roleName !== undefined, roleName: roleName ?? "" } }));
  }
  return out;
}
