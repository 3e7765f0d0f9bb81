import { Construct, IamRole, IamRolePolicy, type TerraformProvider } from "../shared/facade";
import { logReaderPolicy, memberTrustPolicy, type ReaderScopeIntent } from "./reader-policies";
import { each, eachAttribute, eachRef, forEach } from "../shared/for-each";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { tag, type Tags } from "../shared/resources";
import { coalesce, toTemplate, type Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

/** One member's entry of the `for_each` map (snake_case: it is also the module variable's element type). */
export interface MemberRoleEntry {
  /** null for `<roleNamePrefix><account-id>`. */
  readonly role_name: string | null;
  readonly require_mfa: boolean;
  readonly max_session_duration_seconds: number;
}

export interface MemberReaderRolesProps extends Omit<ReaderScopeIntent, "allAccounts" | "accounts"> {
  /** Keyed by member account ID: a literal map, or a Terraform expression such as `var.member_roles`. */
  readonly members: Value<Record<string, MemberRoleEntry>>;
  /** @default OrgTrailLogReader- */
  readonly roleNamePrefix?: string;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/**
 * A reader role per member account in the log-archive account (reference/aws-docs/002_*, scenario 1): trusted by
 * that account's root (with MFA when asked), allowed to read that account's folder only. Two resources per member,
 * both `for_each` by account ID: adding a member adds two instances and changes none.
 */
export class MemberReaderRoles extends Construct {
  readonly role: IamRole;
  readonly policy: IamRolePolicy;
  /** `{ account-id => role ARN }`. */
  readonly roleArns: string;

  constructor(scope: Construct, name: string, props: MemberReaderRolesProps) {
    super(scope, name);
    const { provider } = props;
    const prefix = props.roleNamePrefix ?? "OrgTrailLogReader-";
    const account = toTemplate(each.key);
    this.role = new IamRole(this, "role", {
      name: toTemplate(coalesce(each.field("role_name"), `${prefix}${account}`)),
      description: `orgtrail: reads the CloudTrail logs of member account ${account}`,
      assumeRolePolicy: renderPolicy(memberTrustPolicy({ partition: props.partition, trustedAccountId: account, requireMfa: each.field("require_mfa") })),
      provider,
    });
    fixedId(this.role, "member_reader");
    forEach(this.role, props.members);
    // Per-instance documents (each.*): measured in the precondition, which may read each.value, not in a local.
    addSizePrecondition(this.role, { attribute: "assume_role_policy", localName: "member_reader_trust", name: "member reader role trust policy", kind: "trustPolicy", policy: this.role.assumeRolePolicyInput!, inline: true });
    this.role.addOverride("max_session_duration", toTemplate(each.field("max_session_duration_seconds")));
    tag(this.role, props.tags);

    this.policy = new IamRolePolicy(this, "policy", {
      name: "orgtrail-read-own-cloudtrail-logs",
      role: eachRef(this.role, "name"),
      policy: renderPolicy(logReaderPolicy({ ...props, allAccounts: false, accounts: [account] })),
      provider,
    });
    fixedId(this.policy, "member_reader");
    forEach(this.policy, props.members);
    addSizePrecondition(this.policy, { attribute: "policy", localName: "member_reader_policy", name: "member reader role policy", kind: "inlinePoliciesPerRole", policy: this.policy.policyInput!, inline: true });
    this.roleArns = eachAttribute(this.role, "arn");
  }
}
