import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { LOG_LOCATION, logLocation, TAGS, TRAIL_NAME } from "../organization/variables";
import { CloudTrailUserPolicies } from "./cloudtrail-user-policies";
import { CLOUDTRAIL_USER_POLICIES_DOC } from "./readme";

export const CLOUDTRAIL_USER_POLICIES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION.filter((v) => v.name !== "organization_id"),
  TRAIL_NAME,
  { name: "create_read_only_policy", config: "userPolicies.readOnly", fromConfig: (c) => c.userPolicies?.readOnly ?? false, type: "bool", default: true, description: "Create OrgTrailCloudTrailReadOnly: describe trails, get status, look up events, read log files." },
  { name: "create_administration_policy", config: "userPolicies.administration", fromConfig: (c) => c.userPolicies?.administration ?? false, type: "bool", default: true, description: "Create OrgTrailCloudTrailAdministration: administer this account's trails (no bucket or topic administration)." },
  { name: "create_protect_trail_policy", config: "userPolicies.protectTrail", fromConfig: (c) => c.userPolicies?.protectTrail ?? false, type: "bool", default: true, description: "Create OrgTrailProtectOrganizationTrail: deny stopping, starting, deleting, updating the organization trail and changing its selectors." },
  TAGS,
];

/** cloudtrail-user-policies: customer managed policies for CloudTrail operators, in the management account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const policies = new CloudTrailUserPolicies(stack, "cloudtrail-user-policies", {
    ...logLocation(v),
    trailName: v.s("trail_name"),
    readOnly: v.expr("create_read_only_policy"),
    administration: v.expr("create_administration_policy"),
    protectTrail: v.expr("create_protect_trail_policy"),
    tags: v.expr("tags"),
  });
  output(stack, "read_only_policy_arn", policies.arns.readOnly!, "ARN of OrgTrailCloudTrailReadOnly; null when not created.");
  output(stack, "administration_policy_arn", policies.arns.administration!, "ARN of OrgTrailCloudTrailAdministration; null when not created.");
  output(stack, "protect_trail_policy_arn", policies.arns.protectTrail!, "ARN of OrgTrailProtectOrganizationTrail; null when not created.");
}

export const cloudTrailUserPoliciesModule = (): ModuleDefinition => ({ name: "cloudtrail-user-policies", variables: CLOUDTRAIL_USER_POLICIES_VARIABLES, build, doc: CLOUDTRAIL_USER_POLICIES_DOC });
