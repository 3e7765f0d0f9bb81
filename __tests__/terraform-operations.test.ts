import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { advancedEventSelectors, toTerraformBlocks } from "../modules/event-selectors/selectors";
import { rulesOf } from "../modules/shared/rules/field-rules";
import { eachElement, eachOptionalField } from "../modules/shared/rules/list-rules";
import type { Rule } from "../modules/shared/rules/rule";
import type { Config } from "../config/schema";
import { expectedPolicies, planDeployStack, planExample, plannedPolicies, unknownPolicies, vendorModules } from "./helpers/plans";
import { config, synthTo } from "./helpers/synth";
import { initAndPlan, mustTerraform, terraform, workdir, writeOfflineProviders, type Plan } from "./helpers/terraform";

// Offline terraform for the operations options, batched: one deploy-stack plan with every option on, one validate of a
// stack whose providers assume roles (a plan would call STS), one plan of examples/delegated-admin, one plan of module
// variants, one plan that must fail on the module's preconditions, one console run for the rules.
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const ADMIN = "333333333333";

/** Planned selectors in a comparable form: field selectors are a set in the provider schema, unset lists are []. */
function normalizedSelectors(blocks: unknown): unknown {
  return (blocks as { name: string; field_selector: Record<string, unknown>[] }[]).map((s) => ({
    name: s.name,
    field_selector: s.field_selector
      .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => !(Array.isArray(v) && v.length === 0))))
      .sort((a, b) => String(a.field).localeCompare(String(b.field))),
  }));
}
const expectedSelectors = (c: Config) =>
  normalizedSelectors(toTerraformBlocks(advancedEventSelectors({ partition: c.organization.partition, managementEvents: c.trail.managementEvents, dataEvents: c.trail.dataEvents })));

const providerOf = (plan: Plan) => {
  const config = (plan.raw.configuration as { root_module: { resources: { address: string; provider_config_key: string }[] } }).root_module.resources;
  return Object.fromEntries(config.map((r) => [r.address, r.provider_config_key]));
};

const FULL = {
  organization: { delegatedAdminAccountId: ADMIN },
  logArchive: { accountId: ARCHIVE },
  trail: {
    cloudWatchLogs: { retentionDays: 90 },
    snsTopic: {},
    managementEvents: { excludeEventSources: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] },
    dataEvents: { s3Objects: [{ bucketName: "example-sensitive-bucket" }, { bucketName: "example-finance-bucket", prefix: "reports/" }], lambdaFunctionArns: ["arn:aws:lambda:us-east-1:444444444444:function:payments"] },
    insights: ["ApiCallRateInsight", "ApiErrorRateInsight"],
  },
} as const;

describe("deploy stack with every operations option, planned offline", () => {
  const c = config({ ...FULL, deployment: { backend: { type: "s3", bucket: "example-org-terraform-state" }, accounts: { management: { profile: "org-management" } } }, tags: { team: "platform" } } as never);
  let plan: Plan;
  beforeAll(() => {
    plan = planDeployStack(c);
  });

  test("every policy is known at plan time and is exactly the builders' document", () => {
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
  });

  test("the trail: delivery targets in the admin account, selectors and Insights as configured", () => {
    const trail = plan.resources.find((r) => r.type === "aws_cloudtrail")!.values;
    expect(trail).toMatchObject({
      cloud_watch_logs_group_arn: `arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/cloudtrail/org-trail:*`,
      cloud_watch_logs_role_arn: `arn:aws:iam::${ADMIN}:role/org-trail-cloudwatch-logs`,
      sns_topic_name: "org-trail-notifications",
      insight_selector: [{ insight_type: "ApiCallRateInsight" }, { insight_type: "ApiErrorRateInsight" }],
    });
    // The name the trail is given is the topic the admin account's provider creates (the trail's own provider).
    expect(plan.resources.find((r) => r.type === "aws_sns_topic")!.values).toMatchObject({ name: trail.sns_topic_name });
    expect(normalizedSelectors(trail.advanced_event_selector)).toEqual(expectedSelectors(c));
    expect(plan.resources.find((r) => r.type === "aws_cloudwatch_log_group")!.values).toMatchObject({ retention_in_days: 90, name: "/aws/cloudtrail/org-trail" });
  });

  test("providers: registration from management, trail and delivery from the delegated administrator", () => {
    expect(providerOf(plan)).toMatchObject({
      "aws_cloudtrail_organization_delegated_admin_account.trail_admin": "aws",
      "aws_cloudtrail.organization": "aws.delegated_admin",
      "aws_cloudwatch_log_group.cloudtrail": "aws.delegated_admin",
      "aws_iam_role.cloudtrail_cloudwatch_logs": "aws.delegated_admin",
      "aws_sns_topic.cloudtrail_notifications": "aws.delegated_admin",
      "aws_kms_key.cloudtrail": "aws.log_archive",
    });
  });
});

test("a deploy stack whose providers assume roles and whose state is in S3 is valid Terraform", () => {
  const c = config({
    ...FULL,
    deployment: {
      backend: { type: "s3", bucket: "example-org-terraform-state", roleArn: `arn:aws:iam::${MGMT}:role/TerraformState` },
      accounts: {
        management: { assumeRoleArn: `arn:aws:iam::${MGMT}:role/OrganizationAccountAccessRole` },
        logArchive: { assumeRoleArn: `arn:aws:iam::${ARCHIVE}:role/OrganizationAccountAccessRole`, externalId: "orgtrail" },
        delegatedAdmin: { assumeRoleArn: `arn:aws:iam::${ADMIN}:role/OrganizationAccountAccessRole`, sessionName: "orgtrail" },
      },
    },
  } as never);
  const dir = workdir("stack-assume-role", join(synthTo(c), "stacks", "org-cloudtrail"));
  mustTerraform(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
  expect(mustTerraform(dir, ["validate", "-no-color"])).toContain("The configuration is valid");
});

describe("examples/delegated-admin: vendored modules with every option", () => {
  const c = config(FULL as never);
  let plan: Plan;
  beforeAll(() => {
    plan = planExample("delegated-admin", c, [undefined, "log_archive", "delegated_admin"]);
  });

  test("the modules plan the same policies as the deploy stack of the equivalent config", () => {
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
  });

  test("the module's selectors are the builder's; the trail and its delivery targets are in the admin account", () => {
    const trail = plan.resources.find((r) => r.type === "aws_cloudtrail")!;
    expect(trail.address).toBe("module.organization_trail.aws_cloudtrail.organization");
    expect(normalizedSelectors(trail.values.advanced_event_selector)).toEqual(expectedSelectors(c));
    expect(trail.values).toMatchObject({ cloud_watch_logs_group_arn: `arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/cloudtrail/org-trail:*`, sns_topic_name: "org-trail-notifications" });
    // The module's topic and trail share one provider, so the name resolves to the module's own topic.
    expect(plan.resources.find((r) => r.address === "module.organization_trail.aws_sns_topic.cloudtrail_notifications[0]")?.values.name).toBe(trail.values.sns_topic_name);
    expect(plan.resources.find((r) => r.type === "aws_cloudtrail_organization_delegated_admin_account")!.values.account_id).toBe(ADMIN);
  });
});

describe("organization-trail module variants", () => {
  // Each instance is one shape; the variable values mirror the config of the same name.
  const variants: Record<string, { vars: Record<string, unknown>; config: Parameters<typeof config>[0] }> = {
    defaults: { vars: {}, config: {} },
    data_only_read: {
      vars: { management_events_enabled: false, data_events_read_write_type: "ReadOnly", data_events_s3: [{ bucket_name: "example-sensitive-bucket", prefix: "pii/" }] },
      config: { trail: { managementEvents: { enabled: false }, dataEvents: { readWriteType: "ReadOnly", s3Objects: [{ bucketName: "example-sensitive-bucket", prefix: "pii/" }] } } },
    },
    read_only_management: {
      vars: { management_events_read_write_type: "ReadOnly", insight_types: ["ApiErrorRateInsight"], cloud_watch_logs_enabled: true, management_account_id: MGMT, trail_home_region: "us-east-1", cloud_watch_logs_kms_key_arn: `arn:aws:kms:us-east-1:${MGMT}:key/own` },
      config: { trail: { managementEvents: { readWriteType: "ReadOnly" }, insights: ["ApiErrorRateInsight"], cloudWatchLogs: { kmsKey: `arn:aws:kms:us-east-1:${MGMT}:key/own` } } },
    },
  };
  const base = { trail_name: "org-trail", bucket_name: "example-org-cloudtrail-logs", kms_key_arn: `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab` };
  let plan: Plan;
  beforeAll(() => {
    const dir = workdir("trail-variants");
    vendorModules(synthTo(config()), dir);
    const module = Object.fromEntries(Object.entries(variants).map(([name, v]) => [name, { source: "./vendor/orgtrail/organization-trail", ...base, ...v.vars }]));
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, module }));
    writeOfflineProviders(dir, [undefined]);
    plan = initAndPlan(dir);
  });
  const resourcesOf = (name: string) => plan.resources.filter((r) => r.address.startsWith(`module.${name}.`));

  test("defaults: only the trail, no selectors (CloudTrail logs every management event), no Insights, no delivery", () => {
    expect(resourcesOf("defaults").map((r) => r.type)).toEqual(["aws_cloudtrail"]);
    const t = resourcesOf("defaults")[0].values;
    expect(t.advanced_event_selector).toEqual([]);
    expect(t.insight_selector).toEqual([]);
    expect(t.cloud_watch_logs_group_arn ?? null).toBeNull();
    expect(t.sns_topic_name ?? null).toBeNull();
  });

  test.each(Object.keys(variants))("%s: the module's selectors are the builder's for the equivalent config", (name) => {
    const t = resourcesOf(name).find((r) => r.type === "aws_cloudtrail")!.values;
    expect(normalizedSelectors(t.advanced_event_selector)).toEqual(expectedSelectors(config(variants[name].config)));
  });

  test("CloudWatch Logs with a key of its own: log group, role and role policy, in the management account; no topic", () => {
    const rs = resourcesOf("read_only_management");
    expect(rs.map((r) => r.type).sort()).toEqual(["aws_cloudtrail", "aws_cloudwatch_log_group", "aws_iam_role", "aws_iam_role_policy"]);
    expect(rs.find((r) => r.type === "aws_cloudwatch_log_group")!.values.kms_key_id).toBe(`arn:aws:kms:us-east-1:${MGMT}:key/own`);
    const expected = expectedPolicies(config(variants.read_only_management.config));
    expect(JSON.parse(rs.find((r) => r.type === "aws_iam_role")!.values.assume_role_policy as string)).toEqual(expected["aws_iam_role.cloudtrail_cloudwatch_logs"]);
    expect(JSON.parse(rs.find((r) => r.type === "aws_iam_role_policy")!.values.policy as string)).toEqual(expected["aws_iam_role_policy.cloudtrail_cloudwatch_logs"]);
  });
});

test("the module's preconditions refuse what the config check refuses, all in one plan", () => {
  const dir = workdir("trail-preconditions");
  vendorModules(synthTo(config()), dir);
  const base = { source: "./vendor/orgtrail/organization-trail", trail_name: "org-trail", bucket_name: "example-org-cloudtrail-logs", kms_key_arn: `arn:aws:kms:us-east-1:${ARCHIVE}:key/k` };
  const cases: Record<string, Record<string, unknown>> = {
    no_management_account: { cloud_watch_logs_enabled: true },
    admin_is_management: { management_account_id: MGMT, delegated_admin_account_id: MGMT },
    long_role_name: { trail_name: "t".repeat(50), cloud_watch_logs_enabled: true, management_account_id: MGMT, trail_home_region: "us-east-1" },
    nothing_logged: { management_events_enabled: false },
    call_rate_on_read_only: { management_events_read_write_type: "ReadOnly", insight_types: ["ApiCallRateInsight"] },
    error_rate_without_management: { management_events_enabled: false, data_events_lambda_function_arns: ["arn:aws:lambda:us-east-1:444444444444:function:f"], insight_types: ["ApiErrorRateInsight"] },
    too_many_values: { data_events_s3: Array.from({ length: 499 }, (_, i) => ({ bucket_name: `bucket-${i}` })) },
  };
  const module = Object.fromEntries(Object.entries(cases).map(([name, vars]) => [name, { ...base, ...vars }]));
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, module }));
  writeOfflineProviders(dir, [undefined]);
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  const r = terraform(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"]);
  expect(r.status).not.toBe(0);
  const text = (r.stdout + r.stderr).replace(/\s+/g, " ");
  for (const [name, message] of [
    ["no_management_account", "management_account_id and trail_home_region must be set"],
    ["admin_is_management", "delegated_admin_account_id must differ from management_account_id"],
    ["long_role_name", "cloud_watch_logs_role_name must be set"],
    ["nothing_logged", "management_events_enabled must be true unless data events are selected"],
    ["call_rate_on_read_only", "must not include ApiCallRateInsight"],
    ["error_rate_without_management", "must not include ApiErrorRateInsight"],
    ["too_many_values", "must select fewer resources"],
  ]) {
    expect({ name, refused: text.includes(message) }).toEqual({ name, refused: true });
  }
  // One failed precondition per instance: each case is refused for its own reason (and only once).
  expect(text.split("Resource precondition failed").length - 1).toBe(Object.keys(cases).length);
});

// The operations settings' rule sets are sampled with every other set of the one table in
// modules/shared/rules/field-rules.test.ts; here the list rules the organization-trail module builds from them.
describe("operations list rules agree in TypeScript and Terraform", () => {
  const LIST_RULES: [string, Rule, { good: unknown[]; bad: unknown[] }][] = [
    ["each insight type", eachElement(rulesOf("insightType")[0]), { good: [[], ["ApiCallRateInsight", "ApiErrorRateInsight"]], bad: [["x"], ["ApiCallRateInsight", "y"]] }],
    ["each bucket prefix", eachOptionalField(rulesOf("dataEventPrefix")[1], "prefix"), { good: [[], [{ bucket_name: "b", prefix: null }, { bucket_name: "c", prefix: "p/" }]], bad: [[{ bucket_name: "b", prefix: "/p" }]] }],
  ];
  const cases: { label: string; rule: Rule; value: unknown; good: boolean }[] = [];
  for (const [label, rule, { good, bad }] of LIST_RULES) {
    for (const v of good) cases.push({ label, rule, value: v, good: true });
    for (const v of bad) cases.push({ label, rule, value: v, good: false });
  }

  test("TypeScript and Terraform both accept every good sample and reject every bad one", () => {
    const hcl = (v: unknown) => JSON.stringify(v).replace(/\$\{/g, () => "$${");
    const dir = workdir("operations-rules");
    writeFileSync(join(dir, "main.tf"), `locals {\n  verdicts = [\n${cases.map((c) => `    try(${c.rule.condition(hcl(c.value))}, false),`).join("\n")}\n  ]\n}\n`);
    const tf = JSON.parse(mustTerraform(dir, ["console"], "jsonencode(local.verdicts)\n").trim().replace(/^"|"$/g, "").replace(/\\"/g, '"')) as boolean[];
    const wrong = cases.flatMap((c, i) => [
      ...(c.rule.check(c.value) !== c.good ? [`ts ${c.label} ${JSON.stringify(c.value)}`] : []),
      ...(tf[i] !== c.good ? [`terraform ${c.label} ${JSON.stringify(c.value)}`] : []),
    ]);
    expect(wrong).toEqual([]);
  });
});
