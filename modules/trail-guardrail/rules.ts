import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { duplicates } from "../shared/rules/duplicates";

export function checkTrailGuardrail(c: Config, report: Report): void {
  const targets = c.trailGuardrail?.targetIds ?? [];
  duplicates(targets, (t) => t, (i, v) => report(["trailGuardrail", "targetIds", i], v, "must be unique"));
  targets.forEach((t, i) => {
    if (t === c.organization.managementAccountId) report(["trailGuardrail", "targetIds", i], t, "must not be the management account: SCPs never apply to the management account");
  });
}

export const TRAIL_GUARDRAIL_RULES: readonly CrossFieldRule[] = [
  { rule: "trailGuardrail.targetIds: each target once", source: "AWS Organizations API Reference, 'AttachPolicy' (DuplicatePolicyAttachmentException)" },
];
