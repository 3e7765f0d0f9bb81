import { Construct, TerraformOutput, type TerraformProvider } from "../modules/shared/facade";
import type { Config } from "../config/schema";
import { memberRoleName } from "../config/access-schema";
import { CloudTrailUserPolicies } from "../modules/cloudtrail-user-policies/cloudtrail-user-policies";
import { MemberReaderRoles, type MemberRoleEntry } from "../modules/member-reader-roles/member-reader-roles";
import { ThirdPartyReaders, type ThirdPartyEntry } from "../modules/third-party-readers/third-party-readers";
import { TrailGuardrail } from "../modules/trail-guardrail/trail-guardrail";
import { accessLocation } from "./access-settings";
import { settingsOf } from "./settings";

export interface AccessProviders {
  /** The log-archive account's provider; undefined when it is the management account (the default provider). */
  readonly logArchive?: TerraformProvider;
}

/** The access resources of the deploy stack: reader roles in the log-archive account, user policies and the SCP in the management account. */
export class AccessResources extends Construct {
  constructor(scope: Construct, name: string, config: Config, providers: AccessProviders) {
    super(scope, name);
    const s = settingsOf(config);
    const location = accessLocation(config);
    const output = (id: string, value: string, description: string) => new TerraformOutput(this, `output-${id}`, { value, description }).overrideLogicalId(id);

    if (config.memberRoles.length) {
      const members: Record<string, MemberRoleEntry> = Object.fromEntries(
        config.memberRoles.map((m) => [m.accountId, { role_name: memberRoleName(m), require_mfa: m.requireMfa, max_session_duration_seconds: m.maxSessionDurationSeconds }]),
      );
      const roles = new MemberReaderRoles(this, "member-reader-roles", { ...location, members, tags: undefined, provider: providers.logArchive });
      output("member_reader_role_arns", roles.roleArns, "Reader role ARN by member account ID (callers need sts:AssumeRole on it in their own account).");
    }

    if (config.thirdPartyReaders.length) {
      const readers: Record<string, ThirdPartyEntry> = Object.fromEntries(
        config.thirdPartyReaders.map((t) => [t.name, { account_id: t.accountId, external_id: t.externalId, require_mfa: t.requireMfa, accounts: t.accounts ?? null }]),
      );
      const third = new ThirdPartyReaders(this, "third-party-readers", {
        ...location,
        readers,
        ownAccountIds: [s.managementAccountId, s.logArchiveAccountId],
        provider: providers.logArchive,
      });
      output("third_party_reader_role_arns", third.roleArns, "Role ARN by third-party role name.");
    }

    const user = config.userPolicies;
    if (user && (user.readOnly || user.fullAccess || user.protectTrail)) {
      new CloudTrailUserPolicies(this, "cloudtrail-user-policies", { ...location, readOnly: user.readOnly, administration: user.fullAccess, protectTrail: user.protectTrail });
    }

    const guardrail = config.trailGuardrail;
    if (guardrail) {
      const roleName = guardrail.breakGlassRoleName;
      new TrailGuardrail(this, "trail-guardrail", { ...s, breakGlass: { enabled: roleName !== undefined, roleName: roleName ?? "" }, targetIds: guardrail.targetIds });
    }
  }
}
