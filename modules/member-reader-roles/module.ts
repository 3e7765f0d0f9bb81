import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { eachAttribute } from "../shared/for-each";
import { setOnly, type ModuleVariables, type VariableSpec } from "../shared/variables";
import { fieldMeets, keysMeet } from "../shared/variable-rules";
import { LOG_LOCATION, logLocation, TAGS } from "../organization/variables";
import { MEMBER_READER_ROLES_DEFAULTS } from "./config";
import { MemberReaderRoles } from "./member-reader-roles";
import { MEMBER_READER_ROLES_DOC } from "./readme";

export const MEMBER_READER_ROLES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "member_roles",
    config: "memberRoles",
    fromConfig: (c) => Object.fromEntries(c.memberRoles.map((m) => [m.accountId, { role_name: m.roleName ?? null, require_mfa: m.requireMfa, max_session_duration_seconds: m.maxSessionDurationSeconds }])),
    // The snippet shows only what differs from the defaults.
    example: (c) => Object.fromEntries(c.memberRoles.map((m) => [m.accountId, setOnly({ role_name: m.roleName, require_mfa: m.requireMfa || undefined, max_session_duration_seconds: m.maxSessionDurationSeconds === MEMBER_READER_ROLES_DEFAULTS.maxSessionDurationSeconds ? undefined : m.maxSessionDurationSeconds })])),
    type: "map(object({ role_name = optional(string), require_mfa = optional(bool, false), max_session_duration_seconds = optional(number, 3600) }))",
    default: {},
    rules: [...keysMeet("accountId", "member account IDs"), ...fieldMeets("role_name", "roleName", { nullable: true }), ...fieldMeets("max_session_duration_seconds", "sessionDurationSeconds")],
    description: `Reader roles by member account ID. role_name defaults to ${MEMBER_READER_ROLES_DEFAULTS.roleNamePrefix}<account-id>; require_mfa makes AssumeRole require MFA; max_session_duration_seconds is 3600 to 43200.`,
  },
  TAGS,
];

/** member-reader-roles: a reader role per member account, in the log-archive account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const roles = new MemberReaderRoles(stack, "member-reader-roles", { ...logLocation(v), organizationId: v.s("organization_id"), members: v.expr("member_roles"), tags: v.expr("tags") });
  output(stack, "role_arns", roles.roleArns, "Reader role ARN by member account ID; callers need sts:AssumeRole on it in their own identity policy.");
  output(stack, "role_names", eachAttribute(roles.role, "name"), "Reader role name by member account ID.");
}

export const memberReaderRolesModule = (): ModuleDefinition => ({ name: "member-reader-roles", variables: MEMBER_READER_ROLES_VARIABLES, build, doc: MEMBER_READER_ROLES_DOC });
