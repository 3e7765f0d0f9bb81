import { Construct } from "../modules/shared/facade";
import { memberRoleName } from "../modules/member-reader-roles/config";
import { MEMBER_READER_ROLES_VARIABLES } from "../modules/member-reader-roles/inputs";
import { MemberReaderRoles as RolesParts } from "../modules/member-reader-roles/member-reader-roles";
import { memberReaderRolesProps } from "../modules/member-reader-roles/props";
import { literalInputs } from "../modules/shared/inputs";
import { instanceRefs } from "./instances";
import { KEY_ARN_DEFERRED, LOCATION_FIELDS, named, type LogLocationProps } from "./organization";
import { checkProps } from "./props";

/** One member account's reader role. */
export interface MemberRole {
  /** The member account whose logs the role reads; its root is trusted to assume the role. */
  readonly accountId: string;
  /** The role's name. @default `OrgTrailLogReader-<accountId>` */
  readonly roleName?: string;
  /** Only callers signed in with MFA may assume the role (`aws:MultiFactorAuthPresent`). @default false */
  readonly requireMfa?: boolean;
  /** Maximum session duration, 3600 to 43200 seconds. @default 3600 */
  readonly maxSessionDurationSeconds?: number;
}

export interface MemberReaderRolesProps extends LogLocationProps {
  /** A reader role per member account, each account once; create the roles in the log-archive account (`provider`). */
  readonly memberRoles: readonly MemberRole[];
}

const FIELDS = { ...LOCATION_FIELDS, memberRoles: "memberRoles" } as const;

/**
 * A reader role per member account, in the log-archive account: trusted by that account's root (with MFA when
 * asked), allowed to read that account's folder of the archive only.
 */
export class MemberReaderRoles extends Construct {
  /** Reader role ARN by member account ID (callers need `sts:AssumeRole` on it in their own identity policy). */
  readonly roleArns: Readonly<Record<string, string>>;
  /** Reader role name by member account ID. */
  readonly roleNames: Readonly<Record<string, string>>;
  /** The resources, for references and escape hatches. */
  readonly parts: RolesParts;

  constructor(scope: Construct, id: string, props: MemberReaderRolesProps) {
    const { config, given } = checkProps({ scope, construct: named("MemberReaderRoles", id), props, fields: FIELDS, deferred: KEY_ARN_DEFERRED });
    super(scope, id);
    this.parts = new RolesParts(this, "roles", { ...memberReaderRolesProps(literalInputs(MEMBER_READER_ROLES_VARIABLES, config, given)), provider: props.provider });
    const accounts = config.memberRoles.map((m) => m.accountId);
    this.roleArns = instanceRefs(this.parts.role, accounts, "arn");
    this.roleNames = Object.fromEntries(config.memberRoles.map((m) => [m.accountId, memberRoleName(m)]));
  }
}
