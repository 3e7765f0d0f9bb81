import { Construct, IamRole, IamRolePolicy, type TerraformProvider } from "../shared/facade";
import { logReaderPolicy, thirdPartyTrustPolicy, type ReaderScopeIntent } from "../member-reader-roles/reader-policies";
import { each, eachAttribute, eachRef, forEach } from "../shared/for-each";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { tag, type Tags } from "../shared/resources";
import { enforce } from "../shared/rules/precondition";
import { THIRD_PARTY_NOT_OWN_ACCOUNT } from "./rules";
import { ifElse, isNull, toTemplate, type Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

/** One third party's entry of the `for_each` map, keyed by role name. */
export interface ThirdPartyEntry {
  readonly account_id: string;
  readonly external_id: string;
  readonly require_mfa: boolean;
  /** Member accounts it may read; null for every account. */
  readonly accounts: readonly string[] | null;
}

export interface ThirdPartyReadersProps extends Omit<ReaderScopeIntent, "allAccounts" | "accounts"> {
  /** Keyed by role name: a literal map, or a Terraform expression such as `var.third_party_readers`. */
  readonly readers: Value<Record<string, ThirdPartyEntry>>;
  /** The log-archive account: with the management account, never a third party (a plan-time precondition). */
  readonly logArchiveAccountId: string;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/**
 * A role per third party (reference/aws-docs/002_*, scenario 2), e.g. a SIEM vendor: trusted by its account's root
 * only with its external ID, allowed to read the granted account folders (every account's by default) and nothing
 * else of the bucket.
 */
export class ThirdPartyReaders extends Construct {
  readonly role: IamRole;
  readonly policy: IamRolePolicy;
  readonly roleArns: string;

  constructor(scope: Construct, name: string, props: ThirdPartyReadersProps) {
    super(scope, name);
    const { provider } = props;
    const accountId = each.field("account_id");
    this.role = new IamRole(this, "role", {
      name: toTemplate(each.key),
      description: `orgtrail: third-party reader of CloudTrail logs (account ${toTemplate(accountId)})`,
      assumeRolePolicy: renderPolicy(
        thirdPartyTrustPolicy({
          partition: props.partition,
          trustedAccountId: toTemplate(accountId),
          externalId: toTemplate(each.field("external_id")),
          requireMfa: each.field("require_mfa"),
        }),
      ),
      provider,
    });
    fixedId(this.role, "third_party_reader");
    forEach(this.role, props.readers);
    addSizePrecondition(this.role, { attribute: "assume_role_policy", localName: "third_party_trust", name: "third-party reader role trust policy", kind: "trustPolicy", policy: this.role.assumeRolePolicyInput!, inline: true });
    tag(this.role, props.tags);
    enforce(this.role, [THIRD_PARTY_NOT_OWN_ACCOUNT], { management_account_id: props.managementAccountId, log_archive_account_id: props.logArchiveAccountId });

    this.policy = new IamRolePolicy(this, "policy", {
      name: "orgtrail-read-cloudtrail-logs",
      role: eachRef(this.role, "name"),
      policy: renderPolicy(
        logReaderPolicy({
          ...props,
          allAccounts: isNull(each.field("accounts")),
          accounts: ifElse(isNull(each.field("accounts")), [], each.field("accounts")),
        }),
      ),
      provider,
    });
    fixedId(this.policy, "third_party_reader");
    forEach(this.policy, props.readers);
    addSizePrecondition(this.policy, { attribute: "policy", localName: "third_party_policy", name: "third-party reader role policy", kind: "inlinePoliciesPerRole", policy: this.policy.policyInput!, inline: true });
    this.roleArns = eachAttribute(this.role, "arn");
  }
}
