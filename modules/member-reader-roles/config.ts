import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const MEMBER_READER_ROLES_DEFAULTS = { roleNamePrefix: "OrgTrailLogReader-", maxSessionDurationSeconds: 3600 } as const;

const memberRole = z.strictObject({
  accountId: ruled("accountId").describe("The member account whose logs the role reads; its root is trusted to assume the role."),
  roleName: ruled("roleName").optional().describe("Default: OrgTrailLogReader-<accountId>."),
  requireMfa: z.boolean().default(false).describe("Only callers signed in with MFA may assume the role (aws:MultiFactorAuthPresent)."),
  maxSessionDurationSeconds: ruled("sessionDurationSeconds").default(MEMBER_READER_ROLES_DEFAULTS.maxSessionDurationSeconds),
});

/** The `memberRoles` section. */
export const memberReaderRolesSections = {
  memberRoles: z.array(memberRole).default([]).describe("A reader role in the log-archive account per member account."),
};

export type MemberRoleConfig = z.output<typeof memberRole>;

export const memberRoleName = (m: { accountId: string; roleName?: string }): string => m.roleName ?? `${MEMBER_READER_ROLES_DEFAULTS.roleNamePrefix}${m.accountId}`;
