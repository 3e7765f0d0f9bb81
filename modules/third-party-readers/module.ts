import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { setOnly, type ModuleVariables, type VariableSpec } from "../shared/variables";
import { fieldMeets, keysMeet } from "../shared/variable-rules";
import { LOG_LOCATION, logLocation, TAGS } from "../organization/variables";
import { ThirdPartyReaders } from "./third-party-readers";
import { THIRD_PARTY_READERS_DOC } from "./readme";

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

/** third-party-readers: a role per third party with its external ID, in the log-archive account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const readers = new ThirdPartyReaders(stack, "third-party-readers", {
    ...logLocation(v),
    organizationId: v.s("organization_id"),
    readers: v.expr("third_party_readers"),
    logArchiveAccountId: v.s("log_archive_account_id"),
    tags: v.expr("tags"),
  });
  output(stack, "role_arns", readers.roleArns, "Role ARN by third-party role name: give it and the external ID to the third party.");
}

export const thirdPartyReadersModule = (): ModuleDefinition => ({ name: "third-party-readers", variables: THIRD_PARTY_READERS_VARIABLES, build, doc: THIRD_PARTY_READERS_DOC });
