import { type App, TerraformOutput, TerraformStack } from "../modules/shared/facade";
import { deferred } from "../modules/shared/document";
import { CloudTrailUserPolicies } from "../modules/cloudtrail-user-policies/cloudtrail-user-policies";
import { MemberReaderRoles } from "../modules/member-reader-roles/member-reader-roles";
import { ThirdPartyReaders } from "../modules/third-party-readers/third-party-readers";
import { TrailGuardrail } from "../modules/trail-guardrail/trail-guardrail";
import {
  CLOUDTRAIL_USER_POLICIES_VARIABLES,
  MEMBER_READER_ROLES_VARIABLES,
  THIRD_PARTY_READERS_VARIABLES,
  TRAIL_GUARDRAIL_VARIABLES,
} from "./access-variables";
import { CLOUDTRAIL_USER_POLICIES_DOC, MEMBER_READER_ROLES_DOC, THIRD_PARTY_READERS_DOC, TRAIL_GUARDRAIL_DOC } from "./access-module-docs";
import { finish, type ModuleBuild } from "./module-files";
import { ModuleVariables } from "../modules/shared/variables";
import { toModule } from "./to-module";

/** Expressions shared by the modules that read the log archive. */
function logLocation(v: ModuleVariables) {
  return {
    partition: v.s("partition"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    bucketName: v.s("bucket_name"),
    keyPath: `\${var.s3_key_prefix == null ? "" : "\${var.s3_key_prefix}/"}`,
    kmsKeyArn: `\${coalesce(var.kms_key_arn, "arn:\${var.partition}:kms:\${var.trail_home_region}:\${var.log_archive_account_id}:key/*")}`,
  };
}

function output(stack: TerraformStack, id: string, value: string, description: string): void {
  new TerraformOutput(stack, `output-${id}`, { value, description }).overrideLogicalId(id);
}

/** member-reader-roles: a reader role per member account, in the log-archive account. */
export function buildMemberReaderRolesModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "member-reader-roles");
  const v = new ModuleVariables(stack, MEMBER_READER_ROLES_VARIABLES);
  const roles = new MemberReaderRoles(stack, "member-reader-roles", { ...logLocation(v), organizationId: v.s("organization_id"), members: v.s("member_roles"), tags: v.s("tags") });
  output(stack, "role_arns", roles.roleArns, "Reader role ARN by member account ID; callers need sts:AssumeRole on it in their own identity policy.");
  output(stack, "role_names", `\${{ for k, r in aws_iam_role.member_reader : k => r.name }}`, "Reader role name by member account ID.");
  return finish("member-reader-roles", stack, toModule(stack, v.nulls), MEMBER_READER_ROLES_DOC());
}

/** third-party-readers: a role per third party with its external ID, in the log-archive account. */
export function buildThirdPartyReadersModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "third-party-readers");
  const v = new ModuleVariables(stack, THIRD_PARTY_READERS_VARIABLES);
  const readers = new ThirdPartyReaders(stack, "third-party-readers", {
    ...logLocation(v),
    organizationId: v.s("organization_id"),
    readers: v.s("third_party_readers"),
    ownAccountIds: [v.s("management_account_id"), v.s("log_archive_account_id")],
    tags: v.s("tags"),
  });
  output(stack, "role_arns", readers.roleArns, "Role ARN by third-party role name: give it and the external ID to the third party.");
  return finish("third-party-readers", stack, toModule(stack, v.nulls), THIRD_PARTY_READERS_DOC());
}

/** cloudtrail-user-policies: customer managed policies for CloudTrail operators, in the management account. */
export function buildCloudTrailUserPoliciesModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "cloudtrail-user-policies");
  const v = new ModuleVariables(stack, CLOUDTRAIL_USER_POLICIES_VARIABLES);
  const policies = new CloudTrailUserPolicies(stack, "cloudtrail-user-policies", {
    ...logLocation(v),
    trailName: v.s("trail_name"),
    readOnly: deferred(v.e("create_read_only_policy")),
    administration: deferred(v.e("create_administration_policy")),
    protectTrail: deferred(v.e("create_protect_trail_policy")),
    tags: v.s("tags"),
  });
  output(stack, "read_only_policy_arn", policies.arns.readOnly!, "ARN of OrgTrailCloudTrailReadOnly; null when not created.");
  output(stack, "administration_policy_arn", policies.arns.administration!, "ARN of OrgTrailCloudTrailAdministration; null when not created.");
  output(stack, "protect_trail_policy_arn", policies.arns.protectTrail!, "ARN of OrgTrailProtectOrganizationTrail; null when not created.");
  return finish("cloudtrail-user-policies", stack, toModule(stack, v.nulls), CLOUDTRAIL_USER_POLICIES_DOC());
}

/** trail-guardrail: the SCP protecting the organization trail, in the management account. */
export function buildTrailGuardrailModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "trail-guardrail");
  const v = new ModuleVariables(stack, TRAIL_GUARDRAIL_VARIABLES);
  const guardrail = new TrailGuardrail(stack, "trail-guardrail", {
    partition: v.s("partition"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    trailName: v.s("trail_name"),
    breakGlass: {
      enabled: deferred(`${v.e("break_glass_role_name")} != null`),
      roleName: `\${var.break_glass_role_name == null ? "" : var.break_glass_role_name}`,
    },
    targetIds: { expression: v.e("target_ids") },
    tags: v.s("tags"),
  });
  output(stack, "policy_id", `\${${guardrail.policy.terraformResourceType}.trail_guardrail.id}`, "ID of the SCP.");
  output(stack, "policy_arn", `\${${guardrail.policy.terraformResourceType}.trail_guardrail.arn}`, "ARN of the SCP.");
  return finish("trail-guardrail", stack, toModule(stack, v.nulls), TRAIL_GUARDRAIL_DOC());
}

/** The access modules, for `buildModules`. */
export function buildAccessModules(app: App): ModuleBuild[] {
  return [buildMemberReaderRolesModule(app), buildThirdPartyReadersModule(app), buildCloudTrailUserPoliciesModule(app), buildTrailGuardrailModule(app)];
}
