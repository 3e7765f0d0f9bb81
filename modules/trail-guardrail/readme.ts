import { resolveDocument } from "../shared/document";
import { measure } from "../shared/limits";
import type { ModuleDoc } from "../shared/module-doc";
import { example, sizesAtExample } from "../shared/access-docs";
import { trailGuardrailScp } from "./guardrail-scp";
import { trailGuardrailPolicies } from "./policies";

/** The guardrail SCP with the longest trail and break-glass role names the variables allow. */
function largestGuardrail(): number {
  const c = example();
  const doc = trailGuardrailScp({ partition: c.organization.partition, managementAccountId: c.organization.managementAccountId, homeRegion: c.organization.homeRegion, trailName: "t".repeat(128), breakGlass: { enabled: true, roleName: "r".repeat(64) } });
  return measure("", resolveDocument(doc), "scp").size;
}

export const TRAIL_GUARDRAIL_DOC = (): ModuleDoc => {
  return {
    title: "orgtrail trail-guardrail",
    purpose:
      "A service control policy that keeps anyone in the accounts under its targets from switching the organization trail off or changing it, except a break-glass role; attached to each target (one attachment per target ID, so adding a target changes no other). It matters most for a delegated CloudTrail administrator account, which may otherwise manage the organization trail.",
    policies: sizesAtExample(trailGuardrailPolicies),
    policyGrowth: `It grows only with the trail name and the break-glass role name: about ${largestGuardrail()} characters with the longest names the variables allow (a 128-character trail name and a 64-character role name).`,
    access: [
      "Every principal of the accounts under `target_ids` (the organization root, OUs or accounts), a delegated administrator's included: denied `cloudtrail:StopLogging`, `DeleteTrail`, `UpdateTrail`, `PutEventSelectors` and `PutInsightSelectors` on the organization trail `arn:<partition>:cloudtrail:<trail_home_region>:<management_account_id>:trail/<trail_name>`.",
      "Roles named `break_glass_role_name`, in any account, with or without a path (`ArnNotLike aws:PrincipalArn` on `arn:<partition>:iam::*:role/<name>` and `.../role/*/<name>`): exempt. Without it, nobody is.",
      "The management account and service principals: never affected, whatever the targets. SCPs do not apply to them: protect the management account with `OrgTrailProtectOrganizationTrail` (cloudtrail-user-policies module).",
    ],
    notes: [
      "Deploy with the management account's provider (or a delegated policy administrator's). SCPs must be enabled in the organization (`SERVICE_CONTROL_POLICY` policy type on the root).",
      "An SCP only limits: the principals still need an Allow in their own policies for anything the SCP does not deny.",
      "The SCP grants nothing and names no principal, so no scanner waiver is needed.",
    ],
  };
};
