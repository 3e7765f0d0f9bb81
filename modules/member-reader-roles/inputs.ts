import { fieldMeets, keysMeet } from "../shared/variable-rules";
import { LOG_LOCATION, TAGS } from "../organization/variables";
import { MEMBER_READER_ROLES_DEFAULTS, memberRoleName } from "./config";
import { setOnly, type VariableSpec } from "../shared/inputs";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const MEMBER_READER_ROLES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "member_roles",
    config: "memberRoles",
    fromConfig: (c) => Object.fromEntries(c.memberRoles.map((m) => [m.accountId, { role_name: memberRoleName(m), require_mfa: m.requireMfa, max_session_duration_seconds: m.maxSessionDurationSeconds }])),
    // The snippet shows only what differs from the defaults.
    example: (c) => Object.fromEntries(c.memberRoles.map((m) => [m.accountId, setOnly({ role_name: m.roleName, require_mfa: m.requireMfa || undefined, max_session_duration_seconds: m.maxSessionDurationSeconds === MEMBER_READER_ROLES_DEFAULTS.maxSessionDurationSeconds ? undefined : m.maxSessionDurationSeconds })])),
    type: "map(object({ role_name = optional(string), require_mfa = optional(bool, false), max_session_duration_seconds = optional(number, 3600) }))",
    default: {},
    rules: [...keysMeet("accountId", "member account IDs"), ...fieldMeets("role_name", "roleName", { nullable: true }), ...fieldMeets("max_session_duration_seconds", "sessionDurationSeconds")],
    description: `Reader roles by member account ID. role_name defaults to ${MEMBER_READER_ROLES_DEFAULTS.roleNamePrefix}<account-id>; require_mfa makes AssumeRole require MFA; max_session_duration_seconds is 3600 to 43200.`,
  },
  TAGS,
];
