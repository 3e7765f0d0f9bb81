import { z } from "zod";
import { ruled, ruledNumber } from "../modules/shared/rules/zod";

/**
 * Config sections for access beyond the bucket policy: per-member reader roles, third-party readers, CloudTrail
 * user policies and the trail guardrail SCP (reference/aws-docs/002_*, 003_*). Hooked into `configSchema`.
 */

const text = ruled;

export const ACCESS_DEFAULTS = {
  memberRoleNamePrefix: "OrgTrailLogReader-",
  maxSessionDurationSeconds: 3600,
  breakGlassRoleName: undefined,
} as const;

const memberRole = z.strictObject({
  accountId: text("accountId").describe("The member account whose logs the role reads; its root is trusted to assume the role."),
  roleName: text("roleName").optional().describe("Default: OrgTrailLogReader-<accountId>."),
  requireMfa: z.boolean().default(false).describe("Only callers signed in with MFA may assume the role (aws:MultiFactorAuthPresent)."),
  maxSessionDurationSeconds: ruledNumber("sessionDurationSeconds").default(ACCESS_DEFAULTS.maxSessionDurationSeconds),
});

const thirdPartyReader = z.strictObject({
  name: text("roleName").describe("Name of the role created for the third party in the log-archive account."),
  accountId: text("accountId").describe("The third party's AWS account; its root is trusted, with the external ID."),
  externalId: text("externalId").describe("The external ID the third party issued (sts:ExternalId)."),
  requireMfa: z.boolean().default(false),
  accounts: z.array(text("accountId")).min(1).optional().describe("Member accounts whose logs it may read. Default: every account."),
});

const userPolicies = z.strictObject({
  readOnly: z.boolean().default(true).describe("Customer managed policy: describe trails, get status, look up events, read log objects."),
  fullAccess: z.boolean().default(true).describe("Customer managed policy: administer the management account's trails (narrowed, not s3:* or sns:*)."),
  protectTrail: z.boolean().default(true).describe("Customer managed policy denying stop/start/delete/update and selector changes on the organization trail."),
});

const trailGuardrail = z.strictObject({
  targetIds: z.array(text("policyTargetId")).min(1).describe("Root, OU or account IDs to attach the SCP to."),
  breakGlassRoleName: text("roleName").optional().describe("Roles of this name (in any account) are exempt."),
});

/** The access sections, spread into the config's object shape. */
export const accessShape = {
  memberRoles: z.array(memberRole).default([]).describe("A reader role in the log-archive account per member account."),
  thirdPartyReaders: z.array(thirdPartyReader).default([]).describe("A reader role per third party, with its external ID."),
  userPolicies: userPolicies.optional().describe("IAM policies for CloudTrail users, in the management account."),
  trailGuardrail: trailGuardrail.optional().describe("An SCP that keeps anyone from switching the organization trail off."),
};

export type MemberRoleConfig = z.output<typeof memberRole>;
export type ThirdPartyReaderConfig = z.output<typeof thirdPartyReader>;

/** What the access rules need from the whole config. */
interface AccessParsed {
  organization: { managementAccountId: string };
  logArchive: { accountId?: string };
  memberRoles: MemberRoleConfig[];
  thirdPartyReaders: ThirdPartyReaderConfig[];
  trailGuardrail?: { targetIds: string[] };
}

export const memberRoleName = (m: { accountId: string; roleName?: string }): string =>
  m.roleName ?? `${ACCESS_DEFAULTS.memberRoleNamePrefix}${m.accountId}`;

/** Cross-field rules of the access sections; every problem is reported. */
export function accessRules(c: AccessParsed, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
  const management = c.organization.managementAccountId;
  const logArchive = c.logArchive.accountId ?? management;

  const duplicates = <T>(items: readonly T[], key: (t: T) => string, report: (index: number, value: string) => void) => {
    const seen = new Set<string>();
    items.forEach((t, i) => {
      const k = key(t);
      if (seen.has(k)) report(i, k);
      seen.add(k);
    });
  };

  duplicates(c.memberRoles, (m) => m.accountId, (i, v) => issue(["memberRoles", i, "accountId"], v, "must be unique: an account has one reader role"));
  const members = new Set(c.memberRoles.map((m) => m.accountId));

  c.thirdPartyReaders.forEach((t, i) => {
    if (t.accountId === management || t.accountId === logArchive) {
      issue(["thirdPartyReaders", i, "accountId"], t.accountId, "must not be the management or log-archive account: they are not third parties");
    } else if (members.has(t.accountId)) {
      issue(["thirdPartyReaders", i, "accountId"], t.accountId, "must not also be in memberRoles: an account is either a member reader or a third party");
    }
    duplicates(t.accounts ?? [], (a) => a, (j, v) => issue(["thirdPartyReaders", i, "accounts", j], v, "must be unique"));
  });
  duplicates(c.thirdPartyReaders, (t) => t.accountId, (i, v) => issue(["thirdPartyReaders", i, "accountId"], v, "must be unique: one role per third party"));

  // Every role lands in the log-archive account, where role names are unique case-insensitively.
  // A repeated member account is reported above; its default role name would only repeat that problem.
  const firstOfAccount = (m: { accountId: string }, i: number) => c.memberRoles.findIndex((x) => x.accountId === m.accountId) === i;
  const roles = [
    ...c.memberRoles.flatMap((m, i) => (m.roleName || firstOfAccount(m, i) ? [{ name: memberRoleName(m), path: ["memberRoles", i, m.roleName ? "roleName" : "accountId"] }] : [])),
    ...c.thirdPartyReaders.map((t, i) => ({ name: t.name, path: ["thirdPartyReaders", i, "name"] })),
  ];
  duplicates(roles, (r) => r.name.toLowerCase(), (i, v) => issue(roles[i].path, roles[i].name, `must give a role name not used by another reader role (${v}); IAM role names are unique per account, ignoring case`));

  const targets = c.trailGuardrail?.targetIds ?? [];
  duplicates(targets, (t) => t, (i, v) => issue(["trailGuardrail", "targetIds", i], v, "must be unique"));
  targets.forEach((t, i) => {
    if (t === management) issue(["trailGuardrail", "targetIds", i], t, "must not be the management account: SCPs never apply to the management account");
  });
}
