import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { accessLocation } from "../trail-key/reader-key";
import { memberRoleName } from "./config";
import { logReaderPolicy, memberTrustPolicy } from "./reader-policies";

/** Per member role: its trust policy (2,048 characters) and its one inline policy (10,240 for a role's inline policies). */
export function memberReaderRolesPolicies(config: Config): NamedPolicy[] {
  const location = accessLocation(config);
  return config.memberRoles.flatMap((m): NamedPolicy[] => {
    const role = memberRoleName(m);
    return [
      { name: `role ${role} trust`, kind: "trustPolicy", document: resolveDocument(memberTrustPolicy({ partition: location.partition, trustedAccountId: m.accountId, requireMfa: m.requireMfa })) },
      { name: `role ${role} inline`, kind: "inlinePoliciesPerRole", document: resolveDocument(logReaderPolicy({ ...location, allAccounts: false, accounts: [m.accountId] })) },
    ];
  });
}
