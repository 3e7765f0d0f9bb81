import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import type { ModuleVariables } from "../shared/variables";
import { CloudTrailUserPolicies } from "./cloudtrail-user-policies";
import { cloudTrailUserPoliciesProps } from "./props";
import { CLOUDTRAIL_USER_POLICIES_DOC } from "./readme";
import { CLOUDTRAIL_USER_POLICIES_VARIABLES } from "./inputs";

export { CLOUDTRAIL_USER_POLICIES_VARIABLES };

/** cloudtrail-user-policies: customer managed policies for CloudTrail operators, in the management account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const policies = new CloudTrailUserPolicies(stack, "cloudtrail-user-policies", cloudTrailUserPoliciesProps(v));
  output(stack, "read_only_policy_arn", policies.arns.readOnly!, "ARN of OrgTrailCloudTrailReadOnly; null when not created.");
  output(stack, "administration_policy_arn", policies.arns.administration!, "ARN of OrgTrailCloudTrailAdministration; null when not created.");
  output(stack, "protect_trail_policy_arn", policies.arns.protectTrail!, "ARN of OrgTrailProtectOrganizationTrail; null when not created.");
}

export const cloudTrailUserPoliciesModule = (): ModuleDefinition => ({ name: "cloudtrail-user-policies", variables: CLOUDTRAIL_USER_POLICIES_VARIABLES, build, doc: CLOUDTRAIL_USER_POLICIES_DOC });
