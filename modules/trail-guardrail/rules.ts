import type { CrossFieldRule } from "../shared/rules/cross-field";
import { duplicates } from "../shared/rules/duplicates";
import { follows } from "../shared/rules/field-rules";
import { deployingRoles, exemptIn, mayCover } from "./exemptions";

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
  {
    rule: "trailGuardrail.exemptPrincipalArns: each once, in the organization's partition",
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)': no principal of another partition can match",
    check: (c, report) => {
      const arns = c.trailGuardrail?.exemptPrincipalArns ?? [];
      duplicates(arns, (a) => a, (i, v) => report(["trailGuardrail", "exemptPrincipalArns", i], v, "must be unique"));
      const partition = c.organization.partition;
      arns.forEach((a, i) => {
        if (follows("exemptPrincipalArn", a) && a.split(":")[1] !== partition) report(["trailGuardrail", "exemptPrincipalArns", i], a, `must be in the organization's partition ${partition} (arn:${partition}:…): no principal of another partition can match`);
      });
    },
  },
  {
    rule: "trailGuardrail.dataPerimeter only with a separate log-archive account",
    source: "AWS Organizations User Guide, 'Resource control policies (RCPs)' (RCPs do not apply to resources in the management account)",
    check: (c, report) => {
      const archive = c.logArchive.accountId ?? c.organization.managementAccountId;
      if (c.trailGuardrail?.dataPerimeter && archive === c.organization.managementAccountId) {
        report(["trailGuardrail", "dataPerimeter"], true, "must be false while the log archive is in the management account: RCPs never apply to the management account's resources, so the perimeter would protect nothing");
      }
    },
  },
  {
    rule: "trailGuardrail never blocks the role that deploys what it guards: the delegated administrator's (the trail) and, with protectArchive, the log-archive account's (bucket and key) deploying roles are exempt when the targets may cover their accounts",
    source:
      "AWS Organizations User Guide, 'Service control policies (SCPs)' (an SCP applies to every principal of a targeted account, a delegated administrator's included); orgtrail: the deploying roles of deployment.accounts are exempted automatically",
    check: (c, report) => {
      const g = c.trailGuardrail;
      if (!g) return;
      const deploying = deployingRoles(c);
      const needs: { account: "delegatedAdmin" | "logArchive"; accountId: string; what: string }[] = [];
      const admin = c.organization.delegatedAdminAccountId;
      if (admin) needs.push({ account: "delegatedAdmin", accountId: admin, what: "manages the organization trail from the delegated administrator account" });
      const archive = c.logArchive.accountId;
      if (g.protectArchive && archive && archive !== c.organization.managementAccountId) needs.push({ account: "logArchive", accountId: archive, what: "manages the archive bucket and key in the log-archive account" });
      for (const n of needs) {
        if (!mayCover(g.targetIds, n.accountId)) continue;
        if (deploying.some((d) => d.account === n.account) || exemptIn(g.exemptPrincipalArns, n.accountId)) continue;
        report(
          ["trailGuardrail", "exemptPrincipalArns"],
          g.exemptPrincipalArns,
          `must exempt the role that deploys into account ${n.accountId}: the deploy stack ${n.what}, the guardrail's targets (${g.targetIds.join(", ")}) may cover that account, and an SCP would deny its next apply and its destroy. Set deployment.accounts.${n.account}.assumeRoleArn (exempted automatically) or list that role's ARN here${n.account === "logArchive" ? ", or set trailGuardrail.protectArchive to false" : ""}`,
        );
      }
    },
  },
];
