import type { CrossFieldRule } from "../shared/rules/cross-field";
import { duplicates } from "../shared/rules/duplicates";

export const GUARDRAIL_NOT_ON_MANAGEMENT: CrossFieldRule = {
  rule: "trailGuardrail.targetIds: not the management account",
  source: "AWS Organizations User Guide, 'Service control policies (SCPs)' (SCPs do not affect users or roles in the management account)",
  check: (c, report) => {
    (c.trailGuardrail?.targetIds ?? []).forEach((t, i) => {
      if (t === c.organization.managementAccountId) report(["trailGuardrail", "targetIds", i], t, "must not be the management account: SCPs never apply to the management account");
    });
  },
  // SCPs never apply to the management account: attaching there would look like protection and give none.
  precondition: {
    module: "trail-guardrail",
    errorMessage: "A trail guardrail target must not be the management account: SCPs never apply to it.",
    on: { "aws_organizations_policy_attachment.trail_guardrail": (v) => `each.value != ${v("management_account_id")}` },
  },
};

export const TRAIL_GUARDRAIL_RULES: readonly CrossFieldRule[] = [
  {
    rule: "trailGuardrail.targetIds: each target once",
    source: "AWS Organizations API Reference, 'AttachPolicy' (DuplicatePolicyAttachmentException)",
    check: (c, report) => duplicates(c.trailGuardrail?.targetIds ?? [], (t) => t, (i, v) => report(["trailGuardrail", "targetIds", i], v, "must be unique")),
  },
  GUARDRAIL_NOT_ON_MANAGEMENT,
];
