import { README_EXAMPLE } from "../../config/example";
import { parseConfig } from "../../config/load";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/schema";
import { memberRoleName } from "../../modules/member-reader-roles/config";
import { memberReaderRolesPolicies } from "../../modules/member-reader-roles/policies";
import { thirdPartyReadersPolicies } from "../../modules/third-party-readers/policies";
import { cloudTrailUserPoliciesPolicies } from "../../modules/cloudtrail-user-policies/policies";
import { trailGuardrailPolicies } from "../../modules/trail-guardrail/policies";
import type { NamedPolicy } from "../../modules/shared/limits";
import { argumentsOf } from "../../modules/shared/variables";
import { MEMBER_READER_ROLES_VARIABLES } from "../../modules/member-reader-roles/module";
import { THIRD_PARTY_READERS_VARIABLES } from "../../modules/third-party-readers/module";
import { CLOUDTRAIL_USER_POLICIES_VARIABLES } from "../../modules/cloudtrail-user-policies/module";
import { TRAIL_GUARDRAIL_VARIABLES } from "../../modules/trail-guardrail/module";
import { synthTo } from "./synth";
import { initAndPlan, mustTerraform, workdir, writeOfflineProviders, type Plan } from "./terraform";

/** The access modules: documented inputs and outputs, and their pinned resource addresses. */
export const ACCESS_MODULES = {
  "member-reader-roles": { inputs: ["organization_id", "log_archive_account_id", "bucket_name", "s3_key_prefix", "kms_key_arn", "member_roles"], outputs: ["role_arns", "role_names"] },
  "third-party-readers": { inputs: ["organization_id", "management_account_id", "log_archive_account_id", "bucket_name", "third_party_readers"], outputs: ["role_arns"] },
  "cloudtrail-user-policies": {
    inputs: ["management_account_id", "trail_name", "bucket_name", "create_read_only_policy", "create_administration_policy", "create_protect_trail_policy"],
    outputs: ["read_only_policy_arn", "administration_policy_arn", "protect_trail_policy_arn"],
  },
  "trail-guardrail": { inputs: ["management_account_id", "trail_home_region", "trail_name", "target_ids", "exempt_principal_arns", "protect_archive", "log_archive_account_id", "bucket_name", "kms_key_arn", "kms_alias_name", "data_perimeter", "organization_id"], outputs: ["policy_id", "perimeter_policy_id"] },
};

export const ACCESS_MODULE_ADDRESSES: Record<string, string[]> = {
  "member-reader-roles": ["aws_iam_role.member_reader", "aws_iam_role_policy.member_reader"],
  "third-party-readers": ["aws_iam_role.third_party_reader", "aws_iam_role_policy.third_party_reader"],
  "cloudtrail-user-policies": ["aws_iam_policy.cloudtrail_administration", "aws_iam_policy.cloudtrail_read_only", "aws_iam_policy.protect_organization_trail"],
  "trail-guardrail": ["aws_organizations_policy.data_perimeter", "aws_organizations_policy.trail_guardrail", "aws_organizations_policy_attachment.data_perimeter", "aws_organizations_policy_attachment.trail_guardrail"],
};

/** Module arguments equivalent to a config, by module name, read off each module's input table. */
export function accessArguments(c: Config): Record<string, Record<string, unknown>> {
  return {
    "member-reader-roles": argumentsOf(MEMBER_READER_ROLES_VARIABLES, c),
    "third-party-readers": argumentsOf(THIRD_PARTY_READERS_VARIABLES, c),
    "cloudtrail-user-policies": argumentsOf(CLOUDTRAIL_USER_POLICIES_VARIABLES, c),
    "trail-guardrail": argumentsOf(TRAIL_GUARDRAIL_VARIABLES, c),
  };
}

const moduleName = (m: string) => m.replace(/-/g, "_");

/** Copies the synthesized access modules into `root/vendor/orgtrail`, as a user would vendor them. */
export function vendorAccessModules(synthOut: string, root: string, modules = Object.keys(ACCESS_MODULES)): void {
  mkdirSync(join(root, "vendor", "orgtrail"), { recursive: true });
  for (const m of modules) cpSync(join(synthOut, "modules", m), join(root, "vendor", "orgtrail", m), { recursive: true });
}

/**
 * examples/access (every access module in a plain Terraform root: readers through the log-archive account's
 * provider, user policies and the SCP through the management account's) with the modules vendored, planned offline.
 * The example's values are those of `ACCESS_EXAMPLE_CONFIG`.
 */
export function planAccessExample(): Plan {
  // The examples share ../vendor, as committed: the freshly synthesized modules replace the vendored ones.
  const examples = workdir("example-access", join(__dirname, "..", "..", "examples"));
  vendorAccessModules(synthTo(ACCESS_EXAMPLE_CONFIG), examples);
  const dir = join(examples, "access");
  writeOfflineProviders(dir, [undefined, "log_archive"]);
  return initAndPlan(dir);
}

/** The config equivalent to examples/access/main.tf: the READMEs' access example, with a key prefix and tags. */
export const ACCESS_EXAMPLE_CONFIG: Config = parseConfig({
  ...README_EXAMPLE,
  logArchive: { ...README_EXAMPLE.logArchive, keyPrefix: "cloudtrail" },
  tags: { team: "platform" },
});

/** The access policies of a config: reader roles, user policies, the guardrail SCP. */
export const accessPoliciesOf = (c: Config): NamedPolicy[] =>
  [memberReaderRolesPolicies, thirdPartyReadersPolicies, cloudTrailUserPoliciesPolicies, trailGuardrailPolicies].flatMap((of) => of(c));

/** Planned access policies, named like `accessPoliciesOf`, parsed as AWS would receive them. */
export function plannedAccessPolicies(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const USER: Record<string, string> = {
    cloudtrail_read_only: "CloudTrail read-only policy",
    cloudtrail_administration: "CloudTrail administration policy",
    protect_organization_trail: "protect-trail policy",
  };
  for (const r of plan.resources) {
    const name = r.address.replace(/\[[^\]]*\]$/, "").split(".").pop()!;
    if (r.type === "aws_iam_role") out[`role ${r.values.name} trust`] = JSON.parse(r.values.assume_role_policy as string);
    if (r.type === "aws_iam_role_policy") out[`role ${r.values.role} inline`] = JSON.parse(r.values.policy as string);
    if (r.type === "aws_iam_policy" && USER[name]) out[USER[name]] = JSON.parse(r.values.policy as string);
    if (r.type === "aws_organizations_policy") out[r.values.type === "RESOURCE_CONTROL_POLICY" ? "data perimeter RCP" : "trail guardrail SCP"] = JSON.parse(r.values.content as string);
  }
  return out;
}

export const expectedAccessPolicies = (c: Config): Record<string, unknown> => Object.fromEntries(accessPoliciesOf(c).map((p) => [p.name, p.document]));

/** Role names a config creates, for counting resources per role. */
export const roleNames = (c: Config): string[] => [...c.memberRoles.map(memberRoleName), ...c.thirdPartyReaders.map((t) => t.name)];

export interface StabilityRun {
  readonly name: string;
  /** Input variables of the run (HCL values as JSON). */
  readonly variables: Record<string, unknown>;
  readonly command: "apply" | "plan";
  /** Run one vendored module on its own instead of the root (its own state). */
  readonly module?: string;
  /** Checkable objects that must fail (a variable's validation, a resource's precondition). */
  readonly expectFailures?: readonly string[];
}

/**
 * Runs `terraform test -verbose` with a mocked AWS provider over a root that calls the for_each access modules;
 * each run starts from the state the previous apply left. Returns the text of each run's plan.
 */
export function stabilityTest(c: Config, runs: readonly StabilityRun[]): Record<string, string> {
  const dir = workdir("access-stability");
  const modules = ["member-reader-roles", "third-party-readers", "trail-guardrail"];
  vendorAccessModules(synthTo(c), dir, modules);
  const args = accessArguments(c);
  const hcl = (v: unknown) => JSON.stringify(v, null, 2);
  const variable = (name: string) => `variable "${name}" {\n  type = any\n}\n`;
  const blocks = modules.map((m) => {
    const dynamic = m === "member-reader-roles" ? "member_roles" : m === "third-party-readers" ? "third_party_readers" : "target_ids";
    const fixed = Object.entries(args[m]).filter(([k]) => k !== dynamic).map(([k, v]) => `  ${k} = ${hcl(v)}`);
    return `${variable(dynamic)}module "${moduleName(m)}" {\n  source = "./vendor/orgtrail/${m}"\n${fixed.join("\n")}\n  ${dynamic} = var.${dynamic}\n}\n`;
  });
  writeFileSync(
    join(dir, "main.tf"),
    `terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\nprovider "aws" {\n  region = "${c.organization.homeRegion}"\n}\n${blocks.join("\n")}`,
  );
  mkdirSync(join(dir, "tests"));
  const runBlocks = runs.map((r) =>
    [
      `run "${r.name}" {`,
      `  command = ${r.command}`,
      ...(r.module ? [`  module {`, `    source = "./vendor/orgtrail/${r.module}"`, `  }`] : []),
      `  variables {`,
      ...Object.entries(r.variables).map(([k, v]) => `    ${k} = ${hcl(v)}`),
      `  }`,
      ...(r.expectFailures ? [`  expect_failures = [${r.expectFailures.join(", ")}]`] : []),
      `}`,
      ``,
    ].join("\n"),
  );
  writeFileSync(join(dir, "tests", "stability.tftest.hcl"), `mock_provider "aws" {}\n\n${runBlocks.join("\n")}`);
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  const text = mustTerraform(dir, ["test", "-verbose", "-no-color"]);
  if (!/Success! \d+ passed, 0 failed/.test(text)) throw new Error(`terraform test did not pass:\n${text}`);
  const out: Record<string, string> = {};
  const parts = text.split(/^\s*run "([^"]+)"\.\.\. pass$/m);
  for (let i = 1; i < parts.length; i += 2) out[parts[i]] = parts[i + 1];
  return out;
}
