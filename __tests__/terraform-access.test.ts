import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLOUDTRAIL_USER_POLICIES_VARIABLES } from "../modules/cloudtrail-user-policies/module";
import { MEMBER_READER_ROLES_VARIABLES } from "../modules/member-reader-roles/module";
import { THIRD_PARTY_READERS_VARIABLES } from "../modules/third-party-readers/module";
import { TRAIL_GUARDRAIL_VARIABLES } from "../modules/trail-guardrail/module";
import type { Rule } from "../modules/shared/rules/rule";
import { planDeployStack } from "./helpers/plans";
import { mustTerraform, workdir, type Plan } from "./helpers/terraform";
import { ACCESS_EXAMPLE_CONFIG, accessArguments, expectedAccessPolicies, planAccessExample, plannedAccessPolicies, roleNames, stabilityTest } from "./helpers/access";

/** The access resources through real terraform, offline: the deploy stack, the vendored modules, plan stability. */

const c = ACCESS_EXAMPLE_CONFIG;

const unknownAccessPolicies = (plan: Plan) =>
  Object.entries(plan.unknown)
    .filter(([address, u]) => /aws_iam_(role|role_policy|policy)\.|aws_organizations_policy\./.test(address) && (u.policy === true || u.assume_role_policy === true || u.content === true || u.role === true))
    .map(([address]) => address);

const byRole = (plan: Plan, name: string) => plan.resources.filter((r) => (r.type === "aws_iam_role" && r.values.name === name) || (r.type === "aws_iam_role_policy" && r.values.role === name));

const once = <T>(f: () => T): (() => T) => {
  let v: T | undefined;
  return () => (v ??= f());
};
const deployPlan = once(() => planDeployStack(c));

describe.each([
  ["deploy stack", deployPlan],
  ["examples/access with the vendored modules", planAccessExample],
])("%s plan (offline)", (_, plan) => {
  let p: Plan;
  beforeAll(() => {
    p = plan();
  });

  test("every access policy is known at plan time and is exactly what the builders produce", () => {
    expect(unknownAccessPolicies(p)).toEqual([]);
    expect(plannedAccessPolicies(p)).toEqual(expectedAccessPolicies(c));
  });

  test("each reader role is two resources: the role and its inline policy", () => {
    for (const name of roleNames(c)) expect([name, byRole(p, name).map((r) => r.type).sort()]).toEqual([name, ["aws_iam_role", "aws_iam_role_policy"]]);
  });

  test("instances are addressed by account ID, role name and target ID", () => {
    const addresses = p.resources.filter((r) => /aws_iam_role|aws_organizations_policy_attachment/.test(r.type)).map((r) => r.address.replace(/^module\.[a-z_]+\./, ""));
    expect(addresses).toEqual(
      expect.arrayContaining([
        'aws_iam_role.member_reader["333333333333"]',
        'aws_iam_role_policy.member_reader["444444444444"]',
        'aws_iam_role.third_party_reader["SiemVendor"]',
        'aws_organizations_policy_attachment.trail_guardrail["ou-ab12-abcd1234"]',
      ]),
    );
    expect(p.resources.find((r) => r.address.endsWith('aws_iam_role.member_reader["444444444444"]'))!.values.max_session_duration).toBe(7200);
    expect(p.resources.find((r) => r.address.endsWith("aws_organizations_policy.trail_guardrail"))!.values.type).toBe("SERVICE_CONTROL_POLICY");
    expect(p.resources.find((r) => /aws_organizations_policy\.data_perimeter(\[0\])?$/.test(r.address))!.values.type).toBe("RESOURCE_CONTROL_POLICY");
  });
});

describe("deploy stack providers", () => {
  test("reader roles in the log-archive account, user policies and the SCP in the management account", () => {
    const raw = deployPlan().raw as { configuration: { root_module: { resources: { address: string; provider_config_key: string }[] } } };
    const provider = Object.fromEntries(raw.configuration.root_module.resources.map((r) => [r.address, r.provider_config_key]));
    expect(provider).toMatchObject({
      "aws_iam_role.member_reader": "aws.log_archive",
      "aws_iam_role_policy.member_reader": "aws.log_archive",
      "aws_iam_role.third_party_reader": "aws.log_archive",
      "aws_iam_role_policy.third_party_reader": "aws.log_archive",
      "aws_iam_policy.cloudtrail_read_only": "aws",
      "aws_iam_policy.protect_organization_trail": "aws",
      "aws_organizations_policy.trail_guardrail": "aws",
      "aws_organizations_policy_attachment.trail_guardrail": "aws",
    });
  });
});

describe("plan stability (terraform test, mocked provider, each plan against the previous apply's state)", () => {
  const args = (members: string[], readers: string[], targets: string[]) => ({
    member_roles: Object.fromEntries(members.map((m) => [m, m === "333333333333" ? { require_mfa: true } : {}])),
    third_party_readers: Object.fromEntries(readers.map((r) => [r, { account_id: r === "SiemVendor" ? "999999999999" : "888888888888", external_id: `${r}-ext-id` }])),
    target_ids: targets,
  });
  const location = (m: string) => Object.fromEntries(Object.entries(accessArguments(c)[m]).filter(([k]) => !["member_roles", "third_party_readers", "target_ids"].includes(k)));
  let runs: Record<string, string>;
  beforeAll(() => {
    runs = stabilityTest(c, [
      { name: "initial", command: "apply", variables: args(["333333333333", "444444444444"], ["SiemVendor"], ["r-ab12"]) },
      { name: "add_one_of_each", command: "plan", variables: args(["333333333333", "444444444444", "555555555555"], ["SiemVendor", "Auditor"], ["r-ab12", "ou-ab12-abcd1234"]) },
      { name: "remove_first_member", command: "plan", variables: args(["444444444444"], ["SiemVendor"], ["r-ab12"]) },
      // Refusals, each of which fails the run if the module lets the input through.
      { name: "management_account_is_no_third_party", command: "plan", module: "third-party-readers", variables: { ...location("third-party-readers"), third_party_readers: { T: { account_id: "111111111111", external_id: "ext-id" } } }, expectFailures: ["aws_iam_role.third_party_reader"] },
      { name: "short_external_id", command: "plan", module: "third-party-readers", variables: { ...location("third-party-readers"), third_party_readers: { T: { account_id: "999999999999", external_id: "x" } } }, expectFailures: ["var.third_party_readers"] },
      { name: "member_key_not_an_account", command: "plan", module: "member-reader-roles", variables: { ...location("member-reader-roles"), member_roles: { "3333": {} } }, expectFailures: ["var.member_roles"] },
      { name: "no_guardrail_target", command: "plan", module: "trail-guardrail", variables: { ...location("trail-guardrail"), target_ids: [] }, expectFailures: ["var.target_ids"] },
    ]);
  });

  const changes = (text: string) => [...text.matchAll(/# (\S+) will be (\w+)/g)].map((m) => `${m[1]} ${m[2]}`).sort();

  test("adding a member, a third party and a target only adds their resources", () => {
    // The target gets both policies: the guardrail SCP and the data-perimeter RCP.
    expect(runs.add_one_of_each).toMatch(/Plan: 6 to add, 0 to change, 0 to destroy\./);
    expect(changes(runs.add_one_of_each)).toEqual(
      [
        'module.member_reader_roles.aws_iam_role.member_reader["555555555555"] created',
        'module.member_reader_roles.aws_iam_role_policy.member_reader["555555555555"] created',
        'module.third_party_readers.aws_iam_role.third_party_reader["Auditor"] created',
        'module.third_party_readers.aws_iam_role_policy.third_party_reader["Auditor"] created',
        'module.trail_guardrail.aws_organizations_policy_attachment.trail_guardrail["ou-ab12-abcd1234"] created',
        'module.trail_guardrail.aws_organizations_policy_attachment.data_perimeter["ou-ab12-abcd1234"] created',
      ].sort(),
    );
  });

  test("the modules refuse a management-account third party, a short external ID, a key that is no account ID, no SCP target", () => {
    // stabilityTest fails unless every run passes, and a run with expect_failures passes only when the input is refused.
    expect(Object.keys(runs)).toEqual(expect.arrayContaining(["management_account_is_no_third_party", "short_external_id", "member_key_not_an_account", "no_guardrail_target"]));
  });

  test("removing the first member destroys only its role and policy", () => {
    expect(runs.remove_first_member).toMatch(/Plan: 0 to add, 0 to change, 2 to destroy\./);
    expect(changes(runs.remove_first_member)).toEqual([
      'module.member_reader_roles.aws_iam_role.member_reader["333333333333"] destroyed',
      'module.member_reader_roles.aws_iam_role_policy.member_reader["333333333333"] destroyed',
    ]);
  });
});

describe("module validation of map inputs agrees with the TypeScript rules", () => {
  const SAMPLES: Record<string, { good: unknown[]; bad: unknown[] }> = {
    member_roles: {
      good: [{}, { "333333333333": { role_name: null, require_mfa: false, max_session_duration_seconds: 3600 } }, { "333333333333": { role_name: "Reader", require_mfa: true, max_session_duration_seconds: 43200 } }],
      bad: [
        { "3333": { role_name: null, require_mfa: false, max_session_duration_seconds: 3600 } },
        { "333333333333": { role_name: "bad/name", require_mfa: false, max_session_duration_seconds: 3600 } },
        { "333333333333": { role_name: null, require_mfa: false, max_session_duration_seconds: 60 } },
      ],
    },
    third_party_readers: {
      good: [{ Siem: { account_id: "999999999999", external_id: "ext-id", require_mfa: false, accounts: null } }, { Siem: { account_id: "999999999999", external_id: "ext-id", require_mfa: false, accounts: ["333333333333"] } }],
      bad: [
        { "bad name": { account_id: "999999999999", external_id: "ext-id", require_mfa: false, accounts: null } },
        { Siem: { account_id: "99", external_id: "ext-id", require_mfa: false, accounts: null } },
        { Siem: { account_id: "999999999999", external_id: "x", require_mfa: false, accounts: null } },
        { Siem: { account_id: "999999999999", external_id: "has space", require_mfa: false, accounts: null } },
        { Siem: { account_id: "999999999999", external_id: "ext-id", require_mfa: false, accounts: ["333"] } },
      ],
    },
    target_ids: { good: [["r-ab12"], ["r-ab12", "ou-ab12-abcd1234"]], bad: [[]] },
  };
  const specs = [...MEMBER_READER_ROLES_VARIABLES, ...THIRD_PARTY_READERS_VARIABLES, ...CLOUDTRAIL_USER_POLICIES_VARIABLES, ...TRAIL_GUARDRAIL_VARIABLES];
  const rulesOf = (name: string) => specs.find((s) => s.name === name)!.rules as readonly Rule[];
  const cases = Object.entries(SAMPLES).flatMap(([name, { good, bad }]) =>
    [...good.map((v) => ({ v, good: true })), ...bad.map((v) => ({ v, good: false }))].flatMap(({ v, good }) => rulesOf(name).map((rule) => ({ name, v, good, rule }))),
  );

  test("each sample passes or fails every rule alike in both engines, and each bad sample breaks a rule", () => {
    const dir = workdir("access-rules");
    const hcl = (v: unknown) => JSON.stringify(v).replace(/\$\{/g, () => "$${");
    writeFileSync(join(dir, "main.tf"), `locals {\n  verdicts = [\n${cases.map((x) => `    try(${x.rule.condition(hcl(x.v))}, false),`).join("\n")}\n  ]\n}\n`);
    const verdicts: boolean[] = JSON.parse(mustTerraform(dir, ["console"], "jsonencode(local.verdicts)\n").trim().replace(/^"|"$/g, "").replace(/\\"/g, '"'));
    expect(verdicts).toHaveLength(cases.length);
    expect(cases.filter((x, i) => x.rule.check(x.v) !== verdicts[i]).map((x) => `${x.name} ${JSON.stringify(x.v)}: ${x.rule.must}`)).toEqual([]);
    for (const [name, { good, bad }] of Object.entries(SAMPLES)) {
      for (const v of good) expect([name, v, rulesOf(name).every((r) => r.check(v))]).toEqual([name, v, true]);
      for (const v of bad) expect([name, v, rulesOf(name).every((r) => r.check(v))]).toEqual([name, v, false]);
    }
  });
});
