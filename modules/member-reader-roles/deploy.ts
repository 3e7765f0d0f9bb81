import type { DeployContext } from "../shared/concept";
import { accessLocation } from "../trail-key/reader-key";
import { memberRoleName } from "./config";
import { MemberReaderRoles, type MemberRoleEntry } from "./member-reader-roles";

/** A reader role per member account, in the log-archive account. */
export function deployMemberReaderRoles(ctx: DeployContext): void {
  const { config } = ctx;
  if (!config.memberRoles.length) return;
  const members: Record<string, MemberRoleEntry> = Object.fromEntries(
    config.memberRoles.map((m) => [m.accountId, { role_name: memberRoleName(m), require_mfa: m.requireMfa, max_session_duration_seconds: m.maxSessionDurationSeconds }]),
  );
  const roles = new MemberReaderRoles(ctx.stack, "member-reader-roles", { ...accessLocation(config), members, tags: undefined, provider: ctx.providers.logArchive });
  ctx.output("member_reader_role_arns", roles.roleArns, "Reader role ARN by member account ID (callers need sts:AssumeRole on it in their own account).");
}
