import type { ConfigInput } from "./schema";

/** The embedded example organization: used when no config file is given. */
export const EXAMPLE_CONFIG: ConfigInput = {
  organization: {
    id: "o-exampleorgid",
    managementAccountId: "111111111111",
    homeRegion: "us-east-1",
  },
  logArchive: {
    bucketName: "example-org-cloudtrail-logs",
  },
  trail: {
    name: "org-trail",
  },
};

/**
 * The example of the modules' READMEs: the embedded example organization with a log-archive account and the access
 * sections of docs/access.md. Usage snippets show its values (each module's input table says which) and policy
 * sizes are measured at it, so the sizes are those of exactly the values the snippets show.
 */
export const README_EXAMPLE = {
  ...EXAMPLE_CONFIG,
  logArchive: { ...EXAMPLE_CONFIG.logArchive, accountId: "222222222222" },
  memberRoles: [{ accountId: "333333333333", requireMfa: true }, { accountId: "444444444444", roleName: "AuditReader", maxSessionDurationSeconds: 7200 }],
  thirdPartyReaders: [
    { name: "SiemVendor", accountId: "999999999999", externalId: "siem-ext-id-1234" },
    { name: "Auditor", accountId: "888888888888", externalId: "aud:1/2", requireMfa: true, accounts: ["333333333333", "444444444444"] },
  ],
  userPolicies: {},
  memberLogQueries: { accounts: ["333333333333"] },
  trailGuardrail: { targetIds: ["r-ab12", "ou-ab12-abcd1234"], breakGlassRoleName: "BreakGlass" },
} satisfies ConfigInput;
