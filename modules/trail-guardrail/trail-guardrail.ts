import { Construct, OrganizationsPolicy, OrganizationsPolicyAttachment, type TerraformProvider, type TerraformResource } from "../shared/facade";
import { trailGuardrailScp, type TrailGuardrailIntent } from "./guardrail-scp";
import { each, forEach, toSet } from "../shared/for-each";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { dependOn, optional, ref, tag, type Tags } from "../shared/resources";
import { dataPerimeterRcp } from "./perimeter-rcp";
import { enforce } from "../shared/rules/precondition";
import { ifElse, toTemplate, type Value } from "../shared/value";
import { GUARDRAIL_NOT_ON_MANAGEMENT } from "./rules";
import { fixedId } from "../shared/logical-id";

export interface TrailGuardrailProps extends TrailGuardrailIntent {
  /** Also the data-perimeter RCP, attached to the same targets. */
  readonly dataPerimeter: Value<boolean>;
  readonly organizationId: string;
  /** Root or OU IDs: a literal list, or a Terraform expression of a list such as `var.target_ids`. */
  readonly targetIds: Value<readonly string[]>;
  /** @default OrgTrailTrailGuardrail (not the name of the protect-trail IAM policy: one name, one thing) */
  readonly policyName?: string;
  /** @default OrgTrailDataPerimeter */
  readonly perimeterName?: string;
  readonly tags?: Tags;
  /** What the attachments wait for: the organization trail, so the trail is created, configured and destroyed before the SCP applies. */
  readonly dependsOn?: TerraformResource[];
  /** The management account's provider: only it (or a delegated policy administrator) manages SCPs. */
  readonly provider?: TerraformProvider;
}

/**
 * The trail guardrail: an SCP denying changes to the organization trail, attached to each target (one attachment
 * per target, by ID, so adding a target changes no other). SCPs must be enabled in the organization.
 */
export class TrailGuardrail extends Construct {
  readonly policy: OrganizationsPolicy;
  /** The data-perimeter RCP, when asked for. */
  readonly perimeter?: OrganizationsPolicy;

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
    dependOn(attachment, ...(props.dependsOn ?? []));
    enforce(attachment, [GUARDRAIL_NOT_ON_MANAGEMENT], { management_account_id: props.managementAccountId });

    this.perimeter = optional(props.dataPerimeter, () => {
      const rcp = new OrganizationsPolicy(this, "perimeter", {
        name: props.perimeterName ?? "OrgTrailDataPerimeter",
        description: `orgtrail: only the organization acts on the log archive of ${props.trailName}`,
        type: "RESOURCE_CONTROL_POLICY",
        content: renderPolicy(dataPerimeterRcp({ ...props, bucketName: props.archive.bucketName, keyArn: props.archive.keyArn })),
        provider: props.provider,
      });
      fixedId(rcp, "data_perimeter");
      tag(rcp, props.tags);
      return rcp;
    });
    if (this.perimeter) {
      addSizePrecondition(this.perimeter, { attribute: "content", localName: "data_perimeter_rcp", name: "data perimeter RCP", kind: "rcp", policy: this.perimeter.contentInput!, inline: true });
      const rcpAttachment = new OrganizationsPolicyAttachment(this, "perimeter-attachment", { policyId: ref(this.perimeter, "id"), targetId: toTemplate(each.value), provider: props.provider });
      fixedId(rcpAttachment, "data_perimeter");
      forEach(rcpAttachment, toSet(ifElse(props.dataPerimeter, props.targetIds, [])));
      dependOn(rcpAttachment, ...(props.dependsOn ?? []));
    }
  }
}
