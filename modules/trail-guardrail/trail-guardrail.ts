import { Construct, OrganizationsPolicy, OrganizationsPolicyAttachment, type TerraformProvider } from "../shared/facade";
import { trailGuardrailScp, type TrailGuardrailIntent } from "./guardrail-scp";
import { each, forEach, toSet } from "../shared/for-each";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { ref, tag, type Tags } from "../shared/resources";
import { enforce } from "../shared/rules/precondition";
import { toTemplate, type Value } from "../shared/value";
import { GUARDRAIL_NOT_ON_MANAGEMENT } from "./rules";
import { fixedId } from "../shared/logical-id";

export interface TrailGuardrailProps extends TrailGuardrailIntent {
  /** Root or OU IDs: a literal list, or a Terraform expression of a list such as `var.target_ids`. */
  readonly targetIds: Value<readonly string[]>;
  /** @default OrgTrailTrailGuardrail (not the name of the protect-trail IAM policy: one name, one thing) */
  readonly policyName?: string;
  readonly tags?: Tags;
  /** The management account's provider: only it (or a delegated policy administrator) manages SCPs. */
  readonly provider?: TerraformProvider;
}

/**
 * The trail guardrail: an SCP denying changes to the organization trail, attached to each target (one attachment
 * per target, by ID, so adding a target changes no other). SCPs must be enabled in the organization.
 */
export class TrailGuardrail extends Construct {
  readonly policy: OrganizationsPolicy;

  constructor(scope: Construct, name: string, props: TrailGuardrailProps) {
    super(scope, name);
    this.policy = new OrganizationsPolicy(this, "policy", {
      name: props.policyName ?? "OrgTrailTrailGuardrail",
      description: `orgtrail: deny stopping, deleting or changing the organization trail ${props.trailName}`,
      type: "SERVICE_CONTROL_POLICY",
      content: renderPolicy(trailGuardrailScp(props)),
      provider: props.provider,
    });
    fixedId(this.policy, "trail_guardrail");
    addSizePrecondition(this.policy, { attribute: "content", localName: "trail_guardrail_scp", name: "trail guardrail SCP", kind: "scp", policy: this.policy.contentInput!, inline: true });
    tag(this.policy, props.tags);

    const attachment = new OrganizationsPolicyAttachment(this, "attachment", {
      policyId: ref(this.policy, "id"),
      targetId: toTemplate(each.value),
      provider: props.provider,
    });
    fixedId(attachment, "trail_guardrail");
    forEach(attachment, toSet(props.targetIds));
    enforce(attachment, [GUARDRAIL_NOT_ON_MANAGEMENT], { management_account_id: props.managementAccountId });
  }
}
