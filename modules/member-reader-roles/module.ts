import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { eachAttribute } from "../shared/for-each";
import type { ModuleVariables } from "../shared/variables";
import { memberReaderRolesProps } from "./props";
import { MemberReaderRoles } from "./member-reader-roles";
import { MEMBER_READER_ROLES_DOC } from "./readme";
import { MEMBER_READER_ROLES_VARIABLES } from "./inputs";

export { MEMBER_READER_ROLES_VARIABLES };

/** member-reader-roles: a reader role per member account, in the log-archive account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const roles = new MemberReaderRoles(stack, "member-reader-roles", memberReaderRolesProps(v));
  output(stack, "role_arns", roles.roleArns, "Reader role ARN by member account ID; callers need sts:AssumeRole on it in their own identity policy.");
  output(stack, "role_names", eachAttribute(roles.role, "name"), "Reader role name by member account ID.");
}

export const memberReaderRolesModule = (): ModuleDefinition => ({ name: "member-reader-roles", variables: MEMBER_READER_ROLES_VARIABLES, build, doc: MEMBER_READER_ROLES_DOC });
