import { fieldMeets, keysMeet } from "../shared/variable-rules";
import { LOG_LOCATION, TAGS } from "../organization/variables";
import { setOnly, type VariableSpec } from "../shared/inputs";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const THIRD_PARTY_READERS_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "third_party_readers",
    config: "thirdPartyReaders",
    fromConfig: (c) => Object.fromEntries(c.thirdPartyReaders.map((t) => [t.name, { account_id: t.accountId, external_id: t.externalId, require_mfa: t.requireMfa, accounts: t.accounts ?? null }])),
    // The snippet shows only what differs from the defaults.
    example: (c) => Object.fromEntries(c.thirdPartyReaders.map((t) => [t.name, setOnly({ account_id: t.accountId, external_id: t.externalId, require_mfa: t.requireMfa || undefined, accounts: t.accounts })])),
    type: "map(object({ account_id = string, external_id = string, require_mfa = optional(bool, false), accounts = optional(list(string)) }))",
    default: {},
    rules: [
      ...keysMeet("roleName", "IAM role names"),
      ...fieldMeets("account_id", "accountId"),
      ...fieldMeets("external_id", "externalId"),
      ...fieldMeets("accounts", "accountId", { nullable: true, list: true }),
    ],
    description: "Third-party reader roles by role name: the third party's account_id, the external_id it issued, optional require_mfa, and accounts (member account IDs it may read; null for every account).",
  },
  TAGS,
];
