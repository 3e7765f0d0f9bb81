import type { DeployContext } from "../shared/concept";
import { literalInputs } from "../shared/variables";
import { MemberReaderRoles } from "./member-reader-roles";
import { MEMBER_READER_ROLES_VARIABLES } from "./module";
import { memberReaderRolesProps } from "./props";

/** A reader role per member account, in the log-archive account: the module's inputs, read off the config. */
export function deployMemberReaderRoles(ctx: DeployContext): void {
  if (!ctx.config.memberRoles.length) return;
  const props = memberReaderRolesProps(literalInputs(MEMBER_READER_ROLES_VARIABLES, ctx.config));
  const roles = new MemberReaderRoles(ctx.stack, "member-reader-roles", { ...props, provider: ctx.providers.logArchive });
  ctx.output("member_reader_role_arns", roles.roleArns, "Reader role ARN by member account ID (callers need sts:AssumeRole on it in their own account).");
}
