import { Construct } from "../modules/shared/facade";
import { CloudTrailUserPolicies as PoliciesParts, USER_POLICY_NAMES } from "../modules/cloudtrail-user-policies/cloudtrail-user-policies";
import { CLOUDTRAIL_USER_POLICIES_VARIABLES } from "../modules/cloudtrail-user-policies/inputs";
import { cloudTrailUserPoliciesProps } from "../modules/cloudtrail-user-policies/props";
import { literalInputs } from "../modules/shared/inputs";
import { KEY_ARN_DEFERRED, LOCATION_FIELDS, named, type LogLocationProps } from "./organization";
import { checkProps } from "./props";

export interface CloudTrailUserPoliciesProps extends LogLocationProps {
  /** Create OrgTrailCloudTrailReadOnly: describe trails, get status, look up events, read the log files. @default true */
  readonly readOnly?: boolean;
  /** Create OrgTrailCloudTrailAdministration: administer this account's trails (no bucket or topic administration). @default true */
  readonly administration?: boolean;
  /** Create OrgTrailProtectOrganizationTrail: deny stopping, starting, deleting, updating the organization trail and changing its selectors. @default true */
  readonly protectTrail?: boolean;
}

const FIELDS = { ...LOCATION_FIELDS, readOnly: "userPolicies.readOnly", administration: "userPolicies.administration", protectTrail: "userPolicies.protectTrail" } as const;

/**
 * Customer managed policies for the people who operate CloudTrail, in the management account: read-only, trail
 * administration, and a Deny that protects the organization trail. Attach them to your groups or roles. Their
 * names are fixed (IAM policy names are unique per account): one instance per account.
 */
export class CloudTrailUserPolicies extends Construct {
  /** ARN of OrgTrailCloudTrailReadOnly; undefined when not created. */
  readonly readOnlyPolicyArn?: string;
  /** ARN of OrgTrailCloudTrailAdministration; undefined when not created. */
  readonly administrationPolicyArn?: string;
  /** ARN of OrgTrailProtectOrganizationTrail; undefined when not created. */
  readonly protectTrailPolicyArn?: string;
  /** The resources, for references and escape hatches. */
  readonly parts: PoliciesParts;

  /** The policies' fixed names, to attach them by name. */
  static readonly POLICY_NAMES = USER_POLICY_NAMES;

  constructor(scope: Construct, id: string, props: CloudTrailUserPoliciesProps) {
    const { config, given } = checkProps({ scope, construct: named("CloudTrailUserPolicies", id), props, fields: FIELDS, base: { userPolicies: {} }, deferred: KEY_ARN_DEFERRED });
    super(scope, id);
    this.parts = new PoliciesParts(this, "policies", { ...cloudTrailUserPoliciesProps(literalInputs(CLOUDTRAIL_USER_POLICIES_VARIABLES, config, given)), provider: props.provider });
    this.readOnlyPolicyArn = this.parts.arns.readOnly;
    this.administrationPolicyArn = this.parts.arns.administration;
    this.protectTrailPolicyArn = this.parts.arns.protectTrail;
  }
}
