import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const TRAIL_GUARDRAIL_DEFAULTS = { protectArchive: true, dataPerimeter: false } as const;

/** How many exempt principals a config may name: each appears in every statement, and the SCP has 5,120 characters. */
export const MAX_EXEMPT_PRINCIPALS = 3;

const trailGuardrail = z.strictObject({
  targetIds: z.array(ruled("policyTargetId")).min(1).describe("Root, OU or account IDs to attach the SCP to."),
  exemptPrincipalArns: z
    .array(ruled("exemptPrincipalArn"))
    .max(MAX_EXEMPT_PRINCIPALS, `must name at most ${MAX_EXEMPT_PRINCIPALS} roles: each is repeated in every statement of the SCP, which AWS limits to 5,120 characters; exempt a path you name (…:role/break-glass/*) to cover several roles`)
    .default([])
    .describe(
      "Full ARNs of the roles exempt from the SCP (break glass), each in one account; a wildcard only as the whole name after a path you name (arn:aws:iam::123456789012:role/break-glass/*). The deploying roles of deployment.accounts are exempt without being listed. Nobody in a targeted account may create or change these roles but the exempt principals themselves.",
    ),
  protectArchive: z
    .boolean()
    .default(TRAIL_GUARDRAIL_DEFAULTS.protectArchive)
    .describe("Also deny changing or deleting the archive bucket's policy and settings, the bucket, its log objects and the trail key's policy, state and grants."),
  dataPerimeter: z
    .boolean()
    .default(TRAIL_GUARDRAIL_DEFAULTS.dataPerimeter)
    .describe(
      "Also attach a resource control policy (RCP) to the targets: only principals of the organization may act on the archive bucket, its objects and the trail key; AWS services only for resources of the organization, CloudTrail only for this trail. Needs a separate log-archive account and RCPs enabled in the organization.",
    ),
});

/** The `trailGuardrail` section. */
export const trailGuardrailSections = {
  trailGuardrail: trailGuardrail.optional().describe("An SCP that keeps anyone but exact exempt principals from switching the organization trail off or tampering with its archive."),
};

/** Settings a release removed, with what replaces them: a config that uses one is told why and what to write instead. */
export const TRAIL_GUARDRAIL_REMOVED = {
  "trailGuardrail.breakGlassRoleName":
    "was removed: a role name exempts a role of that name in every account, so any targeted account could exempt itself by creating one. List the full ARNs of the break-glass roles in trailGuardrail.exemptPrincipalArns instead (arn:<partition>:iam::<account>:role/<name>)",
} as const;

export type TrailGuardrailConfig = z.output<typeof trailGuardrail>;
