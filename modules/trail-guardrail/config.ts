import { z } from "zod";
import { ruled } from "../shared/rules/zod";

const trailGuardrail = z.strictObject({
  targetIds: z.array(ruled("policyTargetId")).min(1).describe("Root, OU or account IDs to attach the SCP to."),
  breakGlassRoleName: ruled("roleName").optional().describe("Roles of this name (in any account) are exempt."),
});

/** The `trailGuardrail` section. */
export const trailGuardrailSections = {
  trailGuardrail: trailGuardrail.optional().describe("An SCP that keeps anyone from switching the organization trail off."),
};
