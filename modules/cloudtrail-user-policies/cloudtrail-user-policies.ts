import { Construct, IamPolicy, type TerraformProvider } from "../shared/facade";
import type { PolicyDocument } from "../shared/document";
import { protectTrailPolicy, readOnlyUserPolicy, administrationUserPolicy, type UserPolicyIntent } from "./user-policies";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { optional, ref, tag, type Tags } from "../shared/resources";
import type { Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

export interface CloudTrailUserPoliciesProps extends UserPolicyIntent {
  /** @default true */
  readonly readOnly?: Value<boolean>;
  /** @default true */
  readonly administration?: Value<boolean>;
  /** @default true */
  readonly protectTrail?: Value<boolean>;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/** Policy names: stable, so that a group or role can attach them by ARN. */
export const USER_POLICY_NAMES = {
  readOnly: "OrgTrailCloudTrailReadOnly",
  administration: "OrgTrailCloudTrailAdministration",
  protectTrail: "OrgTrailProtectOrganizationTrail",
} as const;

/**
 * Customer managed policies for the people who operate CloudTrail in the management account (reference/aws-docs/
 * 003_*): read-only, trail administration, and a Deny that protects the organization trail. Attach them to groups
 * or roles yourself; orgtrail does not guess who your operators are.
 */
export class CloudTrailUserPolicies extends Construct {
  /** ARN per created policy (a reference; null in a module when not created). */
  readonly arns: Partial<Record<keyof typeof USER_POLICY_NAMES, string>> = {};

  constructor(scope: Construct, name: string, props: CloudTrailUserPoliciesProps) {
    super(scope, name);
    const make = (kind: keyof typeof USER_POLICY_NAMES, id: string, test: Value<boolean>, doc: PolicyDocument, description: string) => {
      const policy = optional(test, () => new IamPolicy(this, id, { name: USER_POLICY_NAMES[kind], description, policy: renderPolicy(doc), provider: props.provider }));
      if (!policy) return;
      fixedId(policy, id);
      addSizePrecondition(policy, { attribute: "policy", localName: `${id}_policy`, name: `${USER_POLICY_NAMES[kind]} policy`, kind: "managedPolicy", policy: policy.policyInput!, inline: true });
      tag(policy, props.tags);
      this.arns[kind] = ref(policy, "arn");
    };
    make("readOnly", "cloudtrail_read_only", props.readOnly ?? true, readOnlyUserPolicy(props), "orgtrail: read CloudTrail trails, events and the organization trail's log files");
    make("administration", "cloudtrail_administration", props.administration ?? true, administrationUserPolicy(props), "orgtrail: administer this account's CloudTrail trails, without bucket or topic administration");
    make("protectTrail", "protect_organization_trail", props.protectTrail ?? true, protectTrailPolicy(props), `orgtrail: deny stopping, deleting or changing the organization trail ${props.trailName}`);
  }
}
