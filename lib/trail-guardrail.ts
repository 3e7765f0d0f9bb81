import { Construct, type TerraformResource } from "../modules/shared/facade";
import { TRAIL_GUARDRAIL_VARIABLES } from "../modules/trail-guardrail/inputs";
import { trailGuardrailProps } from "../modules/trail-guardrail/props";
import { TrailGuardrail as GuardrailParts } from "../modules/trail-guardrail/trail-guardrail";
import { literalInputs } from "../modules/shared/inputs";
import { ref } from "../modules/shared/resources";
import { KEY_ARN_DEFERRED, named, ORGANIZATION_FIELDS, type OrganizationProps } from "./organization";
import { checkProps } from "./props";

export interface TrailGuardrailProps extends OrganizationProps {
  /** Root (`r-xxxx`), OU (`ou-xxxx-xxxxxxxx`) or account IDs to attach the SCP to, each once; never the management account. */
  readonly targetIds: readonly string[];
  /**
   * Full ARNs of the roles exempt from the SCP (break glass, and the roles that deploy the trail and the archive in
   * accounts the targets cover), at most 3; a wildcard only as the whole name after a path you name
   * (`arn:aws:iam::123456789012:role/break-glass/*`). Nobody else in a targeted account may create or change them.
   * @default none: nobody is exempt
   */
  readonly exemptPrincipalArns?: readonly string[];
  /** Also deny changing or deleting the archive bucket's policy and settings, the bucket, its log objects, and the trail key's policy, state, grants and alias. @default true */
  readonly protectArchive?: boolean;
  /** Also attach the data-perimeter RCP to the targets (needs a separate log-archive account and RCPs enabled). @default false */
  readonly dataPerimeter?: boolean;
  /** The account that owns the log archive bucket and the trail key. @default managementAccountId */
  readonly logArchiveAccountId?: string;
  /** The CloudTrail delegated administrator account, if any: the guardrail must exempt a role of it when the targets cover it. @default none */
  readonly delegatedAdminAccountId?: string;
  /**
   * The role your pipeline assumes to deploy the log-archive account's resources (bucket, key): exempt without being
   * listed, so the guardrail never blocks its next apply or its destroy. @default none: list it in exemptPrincipalArns
   */
  readonly logArchiveAssumeRoleArn?: string;
  /** The role your pipeline assumes in the delegated administrator account: exempt without being listed. @default none */
  readonly delegatedAdminAssumeRoleArn?: string;
  /** The trail key's ARN, when you bring your own key. @default the created key, matched by `kmsAliasName` among the log-archive account's keys in the home region */
  readonly kmsKeyArn?: string;
  /** Alias of the created trail key (a LogArchive's `kmsAliasName`). @default "alias/orgtrail-cloudtrail" */
  readonly kmsAliasName?: string;
  /** The SCP's name, unique in the organization. @default "OrgTrailTrailGuardrail" */
  readonly policyName?: string;
  /** The data-perimeter RCP's name, unique in the organization. @default "OrgTrailDataPerimeter" */
  readonly perimeterName?: string;
  /** What the attachments wait for: the OrganizationTrail's `parts.trail`, so the trail is created and destroyed outside the SCP. @default nothing */
  readonly dependsOn?: TerraformResource[];
}

const FIELDS = {
  ...ORGANIZATION_FIELDS,
  targetIds: "trailGuardrail.targetIds",
  exemptPrincipalArns: "trailGuardrail.exemptPrincipalArns",
  protectArchive: "trailGuardrail.protectArchive",
  dataPerimeter: "trailGuardrail.dataPerimeter",
  logArchiveAccountId: "logArchive.accountId",
  delegatedAdminAccountId: "organization.delegatedAdminAccountId",
  logArchiveAssumeRoleArn: "deployment.accounts.logArchive.assumeRoleArn",
  delegatedAdminAssumeRoleArn: "deployment.accounts.delegatedAdmin.assumeRoleArn",
  kmsKeyArn: "encryption.kmsKey",
  kmsAliasName: "encryption.aliasName",
} as const;

/**
 * The trail guardrail: a service control policy that keeps every principal of the targeted accounts, except the
 * exact exempt roles, from switching the organization trail off or changing it (and, with `protectArchive`, from
 * tampering with the archive bucket and key); optionally the data-perimeter RCP. Create it with the management
 * account's provider.
 */
export class TrailGuardrail extends Construct {
  /** ID of the SCP. */
  readonly policyId: string;
  /** ARN of the SCP. */
  readonly policyArn: string;
  /** ID of the data-perimeter RCP; undefined without `dataPerimeter`. */
  readonly perimeterPolicyId?: string;
  /** The resources, for references and escape hatches. */
  readonly parts: GuardrailParts;

  constructor(scope: Construct, id: string, props: TrailGuardrailProps) {
    const { config, given } = checkProps({ scope, construct: named("TrailGuardrail", id), props, fields: FIELDS, base: { trailGuardrail: {} }, deferred: KEY_ARN_DEFERRED });
    super(scope, id);
    this.parts = new GuardrailParts(this, "guardrail", {
      ...trailGuardrailProps(literalInputs(TRAIL_GUARDRAIL_VARIABLES, config, given)),
      policyName: props.policyName,
      perimeterName: props.perimeterName,
      dependsOn: props.dependsOn,
      provider: props.provider,
    });
    this.policyId = ref(this.parts.policy, "id");
    this.policyArn = ref(this.parts.policy, "arn");
    this.perimeterPolicyId = this.parts.perimeter && ref(this.parts.perimeter, "id");
  }
}
