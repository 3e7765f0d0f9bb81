import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { accessLocation } from "../trail-key/reader-key";
import { logReaderPolicy, thirdPartyTrustPolicy } from "../member-reader-roles/reader-policies";

/** Per third party: its trust policy and its one inline policy. */
export function thirdPartyReadersPolicies(config: Config): NamedPolicy[] {
  const location = accessLocation(config);
  return config.thirdPartyReaders.flatMap((t): NamedPolicy[] => [
    {
      name: `role ${t.name} trust`,
      kind: "trustPolicy",
      document: resolveDocument(thirdPartyTrustPolicy({ partition: location.partition, trustedAccountId: t.accountId, externalId: t.externalId, requireMfa: t.requireMfa })),
    },
    { name: `role ${t.name} inline`, kind: "inlinePoliciesPerRole", document: resolveDocument(logReaderPolicy({ ...location, allAccounts: t.accounts === undefined, accounts: t.accounts ?? [] })) },
  ]);
}
