import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { config, exampleWith, readTf, synthTo } from "./helpers/synth";
import { applyPlanDestroy, forceDestroyBuckets, instancesOf, planDay2, providersOf, useMoto, type Day2Plan, type RawState, type RootRun } from "./helpers/moto";
import { parseConfig } from "../config/load";
import type { Config } from "../config/schema";
import { workdir } from "./helpers/terraform";
import { inBatches } from "./helpers/cli";
import { planAgainstState } from "./helpers/plans";
import { readPlan } from "../stacks/review/plan";
import { review } from "../stacks/review/review";

/**
 * Applied end to end against the AWS API emulator moto (helpers/moto.ts; what it does not check:
 * docs/apply-tests.md). Each root applies, plans no change against the applied state, and destroys, on an emulator
 * of its own. The roots run side by side from beforeAll (each test awaits its root): about 100 s each, most of it
 * hashicorp/aws waiting for lifecycle configurations to read back.
 */
const moto = useMoto();
/**
 * A safety net for a loaded machine: on a quiet one both roots together take about three to four minutes (the
 * deploy stack's five day-2 plans about a minute of it); at a load average of 20 on two cores, over ten.
 */
const ROOT_TIMEOUT = 900_000;

function report(root: string, run: RootRun<unknown>): void {
  const s = run.seconds;
  process.stdout.write(`apply test, ${root}: apply ${s.apply.toFixed(1)} s, plan ${s.plan.toFixed(1)} s, day-2 plans ${s.day2.toFixed(1)} s, destroy ${s.destroy.toFixed(1)} s\n`);
}

/** What every root must show: no change after apply (else the diff), nothing left after destroy. */
function expectSteady(run: RootRun<unknown>): void {
  expect({ planExitCode: run.planExitCode, diff: run.planOutput }).toEqual({ planExitCode: 0, diff: "" });
  expect(run.leftAfterDestroy).toEqual([]);
}

/** The resources that hold logs or decrypt them: a plan must never delete one (design.md §6). */
const HOLDERS = ["aws_s3_bucket", "aws_kms_key", "aws_cloudwatch_log_group"];

/** A day-2 plan in numbers: resource actions counted, and what it does to each holder. */
function summarize(plan: Day2Plan, state: RawState) {
  if (plan.status !== 0) {
    const refused = [...plan.error.matchAll(/Resource (\S+) has lifecycle\.prevent_destroy set/g)].map((m) => m[1]);
    if (refused.length === 0) throw new Error(`day-2 plan failed for another reason than prevent_destroy:\n${plan.error}`);
    return { refused: refused.sort(), counts: {}, holders: {} };
  }
  // A log group with skip_destroy is forgotten by the provider, not deleted, whatever the plan's action says.
  const skipDestroy = new Set(state.resources.filter((r) => r.instances.some((i) => i.attributes.skip_destroy === true)).map((r) => `${r.type}.${r.name}`));
  const counts: Record<string, number> = {};
  const holders: Record<string, string> = {};
  for (const c of plan.changes) {
    const action = c.action === "remove" ? "forget" : c.action;
    if (action === "noop" || action === "read") continue;
    counts[action] = (counts[action] ?? 0) + 1;
    if (HOLDERS.includes(c.type)) holders[c.address] = ["replace", "delete"].includes(action) && skipDestroy.has(c.address) ? `${action} (skip_destroy: kept)` : action;
  }
  return { refused: [] as string[], counts, holders };
}

/** What a day-2 plan must never do to a holder: delete or replace it (a log group with skip_destroy is kept). */
const deletesLogs = (summary: ReturnType<typeof summarize>) => Object.entries(summary.holders).filter(([, k]) => k === "delete" || k === "replace");

type Overrides = Parameters<typeof exampleWith>[0];
const merge = (a: unknown, b: unknown): unknown =>
  a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)
    ? Object.fromEntries([...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => [k, merge((a as any)[k], (b as any)[k])]))
    : b === undefined ? a : b;

/** The ordinary day-2 changes of issue 12, each planned against the applied deploy stack. */
const DAY2_CHANGES = (org: { members: Record<string, string> }): [name: string, change: Overrides][] => [
  ["rename the bucket", { logArchive: { bucketName: "example-org-cloudtrail-logs-2" } }],
  ["turn Object Lock on", { logArchive: { objectLock: { mode: "GOVERNANCE", retentionDays: 30 } } }],
  ["switch to an existing key", { encryption: { kmsKey: `arn:aws:kms:us-east-1:${org.members["log-archive"]}:key/1234abcd-12ab-34cd-56ef-1234567890ab` } }],
  ["rename the trail", { trail: { name: "org-trail-2" } }],
  ["move the key prefix", { logArchive: { keyPrefix: "org/cloudtrail-2", previousKeyPrefixes: ["org/cloudtrail"] } }],
];

/** The same changes as module arguments of examples/two-accounts (log-archive and organization-trail modules). */
const MODULE_DAY2_CHANGES = (org: { members: Record<string, string> }): [name: string, change: Record<string, Record<string, unknown>>][] => [
  ["rename the bucket", { log_archive: { bucket_name: "example-org-cloudtrail-logs-2" } }],
  ["turn Object Lock on", { log_archive: { object_lock_mode: "GOVERNANCE", object_lock_retention_days: 30 } }],
  ["switch to an existing key", { log_archive: { kms_key_arn: `arn:aws:kms:us-east-1:${org.members["log-archive"]}:key/1234abcd-12ab-34cd-56ef-1234567890ab` } }],
  ["rename the trail", { log_archive: { trail_name: "org-trail-2" }, organization_trail: { trail_name: "org-trail-2" } }],
  [
    "move the key prefix",
    { log_archive: { s3_key_prefix: "cloudtrail-2", previous_key_prefixes: ["cloudtrail"] }, organization_trail: { s3_key_prefix: "cloudtrail-2" } },
  ],
];

async function deployStackRoot() {
  const emulator = await moto.start();
  const org = await emulator.createOrganization(["log-archive", "workload"]);
  const base: Overrides = {
    organization: { id: org.id, managementAccountId: org.managementAccountId },
    logArchive: { accountId: org.members["log-archive"], keyPrefix: "org/cloudtrail" },
    trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: {} },
    memberRoles: [{ accountId: org.members.workload, requireMfa: true }],
    // A third party outside the organization: any account ID that is none of the organization's.
    thirdPartyReaders: [{ name: "AuditorReader", accountId: "999999999999", externalId: "orgtrail-apply-test" }],
    userPolicies: {},
    // The guardrail protects the archive: the log-archive account's deploying role must be exempt (moto enforces no SCP).
    trailGuardrail: { targetIds: [org.rootId], exemptPrincipalArns: [`arn:aws:iam::${org.members["log-archive"]}:role/OrgTrailDeploy`] },
    tags: { team: "platform" },
  };
  const c = config(base);
  const stackOf = (cfg: Config) => readTf(join(synthTo(cfg), "stacks", "org-cloudtrail", "cdk.tf.json"));
  const stack = join(synthTo(c), "stacks", "org-cloudtrail");
  const providers = providersOf(readTf(join(stack, "cdk.tf.json")));
  const dir = workdir("apply-stack", stack);
  await emulator.writeEmulatorProviders(dir, providers);
  const forced = forceDestroyBuckets(dir);
  const day2Changes = DAY2_CHANGES(org);
  const run = await applyPlanDestroy(emulator, dir, {
    // Two at a time, each in a copy of the root (its state file and .terraform with it): on two cores most of a
    // refresh-free plan is CPU (loading the provider), so two side by side about halve the wall time.
    afterPlan: async (appliedState) => {
      const results = await inBatches(
        day2Changes.map(([name, change]) => async () => {
          const copy = workdir("apply-stack-day2", dir);
          const plan = await planDay2(copy, "cdk.tf.json", stackOf(parseConfig(merge(exampleWith(base), change))));
          return [name, { ...summarize(plan, appliedState), seconds: plan.seconds }] as const;
        }),
        2,
      );
      return Object.fromEntries(results);
    },
  });
  report("deploy stack", run);
  for (const [name, p] of Object.entries(run.day2)) process.stdout.write(`day-2 plan, ${name} (${p.seconds.toFixed(1)} s): ${JSON.stringify({ refused: p.refused, counts: p.counts, holders: p.holders })}\n`);
  return { org, c, providers, forced, run };
}

async function twoAccountsRoot() {
  const emulator = await moto.start();
  const org = await emulator.createOrganization(["log-archive"]);
  const copy = workdir("apply-two-accounts", join(__dirname, "..", "examples"));
  const dir = join(copy, "two-accounts");
  await emulator.writeEmulatorProviders(dir, [{ accountId: org.managementAccountId }, { alias: "log_archive", accountId: org.members["log-archive"] }]);
  // The example names the organization inline (no variable): a test-only override passes the emulator's.
  writeFileSync(join(dir, "zz_organization_override.tf.json"), JSON.stringify({ module: { log_archive: { organization_id: org.id } } }, null, 2));
  const forced = forceDestroyBuckets(join(copy, "vendor", "orgtrail", "log-archive"));
  const args = [`-var=management_account_id=${org.managementAccountId}`, `-var=log_archive_account_id=${org.members["log-archive"]}`];
  // Each day-2 change is the module arguments a team would edit, given through an override file in a copy of the
  // applied examples folder (the root sources ../vendor).
  writeFileSync(join(dir, "zz_day2_override.tf.json"), "{}");
  const run = await applyPlanDestroy(emulator, dir, {
    args,
    protectedDirs: [dir, join(copy, "vendor", "orgtrail", "log-archive")],
    afterPlan: async (appliedState) => {
      const results = await inBatches(
        MODULE_DAY2_CHANGES(org).map(([name, change]) => async () => {
          const day2Copy = join(workdir("apply-two-accounts-day2", copy), "two-accounts");
          const plan = await planDay2(day2Copy, "zz_day2_override.tf.json", { module: change }, args);
          return [name, { ...summarize(plan, appliedState), seconds: plan.seconds }] as const;
        }),
        2,
      );
      return Object.fromEntries(results);
    },
  });
  report("examples/two-accounts", run);
  for (const [name, p] of Object.entries(run.day2)) process.stdout.write(`day-2 plan (two-accounts), ${name} (${p.seconds.toFixed(1)} s): ${JSON.stringify({ refused: p.refused, counts: p.counts, holders: p.holders })}\n`);
  return { org, forced, run };
}

/** Started without waiting; a failure surfaces in the test that awaits it (the catch only marks it handled). */
const started = <T>(root: () => Promise<T>): Promise<T> => {
  const p = root();
  p.catch(() => undefined);
  return p;
};
let stackRoot: ReturnType<typeof deployStackRoot>;
let exampleRoot: ReturnType<typeof twoAccountsRoot>;
beforeAll(() => {
  stackRoot = started(deployStackRoot);
  exampleRoot = started(twoAccountsRoot);
});

test(
  "the deploy stack of the richest config the emulator supports: apply, no change, destroy",
  async () => {
    const { org, c, providers, forced, run } = await stackRoot;
    expect(providers).toEqual([
      { alias: undefined, accountId: org.managementAccountId },
      { alias: "log_archive", accountId: org.members["log-archive"] },
    ]);
    expect(forced.sort()).toEqual(["access_logs", "log_archive"]);

    const [trail] = instancesOf(run.appliedState, "aws_cloudtrail");
    // The trail ARN orgtrail builds from its inputs (the aws:SourceArn of every policy) is the one the trail got.
    expect(trail.arn).toBe(run.appliedState.outputs.trail_arn.value);
    expect(trail).toMatchObject({ is_organization_trail: true, enable_logging: true, s3_bucket_name: c.logArchive.bucketName, s3_key_prefix: "org/cloudtrail" });
    // Each account's resources were created with its own provider.
    expect(instancesOf(run.appliedState, "aws_kms_key")[0].arn).toContain(`:${org.members["log-archive"]}:key/`);
    expect(instancesOf(run.appliedState, "aws_iam_role").map((r) => r.arn).sort()).toEqual(
      [
        `arn:aws:iam::${org.managementAccountId}:role/org-trail-cloudwatch-logs`,
        `arn:aws:iam::${org.members["log-archive"]}:role/AuditorReader`,
        `arn:aws:iam::${org.members["log-archive"]}:role/OrgTrailLogReader-${org.members.workload}`,
      ].sort(),
    );
    expect(instancesOf(run.appliedState, "aws_organizations_policy_attachment").map((a) => a.target_id)).toEqual([org.rootId]);
    // The CIS alarms (trail-alarms), on the trail's log group, notify the trail's topic.
    expect(instancesOf(run.appliedState, "aws_cloudwatch_log_metric_filter").map((f) => f.log_group_name)).toEqual(Array(15).fill("/aws/cloudtrail/org-trail"));
    expect(new Set(instancesOf(run.appliedState, "aws_cloudwatch_metric_alarm").map((a) => JSON.stringify(a.alarm_actions)))).toEqual(new Set([JSON.stringify([run.appliedState.outputs.sns_topic_arn.value])]));
    expectSteady(run);
  },
  ROOT_TIMEOUT,
);

test(
  "the day-2 changes, planned against the applied deploy stack, destroy nothing that holds logs",
  async () => {
    const { run } = await stackRoot;
    const plans = run.day2;
    // A new bucket name is a new bucket: prevent_destroy makes Terraform refuse the plan (both buckets: the
    // access-log bucket's default name follows). Before: "15 to destroy", the buckets' settings deleted first.
    expect(plans["rename the bucket"].refused).toEqual(["aws_s3_bucket.access_logs", "aws_s3_bucket.log_archive"]);
    // In place: the Object Lock configuration is created on the existing, versioned bucket. Before: bucket replaced.
    expect(plans["turn Object Lock on"]).toMatchObject({ refused: [], holders: {}, counts: { create: 1 } });
    // The created key and its alias are forgotten (removed block), the log group re-encrypted in place. Before: key destroyed.
    expect(plans["switch to an existing key"]).toMatchObject({
      refused: [],
      holders: { "aws_kms_key.cloudtrail": "forget", "aws_cloudwatch_log_group.cloudtrail": "update" },
    });
    // The trail is replaced (a new name is a new trail); the log group's default name follows, and skip_destroy keeps the old group.
    expect(plans["rename the trail"]).toMatchObject({ refused: [], holders: { "aws_cloudwatch_log_group.cloudtrail": "replace (skip_destroy: kept)" } });
    // In place; the history stays readable under logArchive.previousKeyPrefixes.
    expect(plans["move the key prefix"]).toMatchObject({ refused: [], holders: {} });
    for (const [name, p] of Object.entries(plans)) expect({ name, deleted: deletesLogs(p) }).toEqual({ name, deleted: [] });
  },
  ROOT_TIMEOUT,
);

test(
  "orgtrail review of a change planned against the applied state: a new third party, a renamed trail",
  async () => {
    const { c, run } = await stackRoot;
    const changed = parseConfig({
      ...c,
      // A renamed bucket is refused by prevent_destroy (no plan to review); a renamed trail is still a replacement.
      trail: { ...c.trail, name: `${c.trail.name}-v2` },
      thirdPartyReaders: [...c.thirdPartyReaders, { name: "NewSiem", accountId: "777777777777", externalId: "new-siem-ext-id" }],
    });
    const r = review(readPlan(planAgainstState(changed, run.appliedState), "applied-state plan"));
    expect(r.access.callouts.map((x) => [x.principal, x.newThirdParty])).toEqual([["account 777777777777", true]]);
    const trail = r.destructive.find((x) => x.address === "aws_cloudtrail.organization")!;
    expect(trail).toMatchObject({ action: "replace", outcome: "destroyed" });
    // Nothing that holds logs is destroyed: the log group, whose name follows the trail's, is kept (skip_destroy).
    expect(r.destructive.filter((x) => ["aws_s3_bucket", "aws_kms_key"].some((t) => x.address.startsWith(`${t}.`)))).toEqual([]);
  },
  ROOT_TIMEOUT,
);

test(
  "examples/two-accounts with the vendored modules: apply, no change, destroy",
  async () => {
    const { org, forced, run } = await exampleRoot;
    expect(forced.sort()).toEqual(["access_logs", "log_archive"]);

    const [trail] = instancesOf(run.appliedState, "aws_cloudtrail");
    expect(trail.arn).toBe(run.appliedState.outputs.trail_arn.value);
    expect(trail.arn).toBe(`arn:aws:cloudtrail:us-east-1:${org.managementAccountId}:trail/org-trail`);
    expect(instancesOf(run.appliedState, "aws_kms_key")[0].arn).toContain(`:${org.members["log-archive"]}:key/`);
    const bucketPolicy = instancesOf(run.appliedState, "aws_s3_bucket_policy").find((p) => p.bucket === "example-org-cloudtrail-logs");
    expect(JSON.parse(String(bucketPolicy?.policy)).Statement.map((s: { Condition?: object }) => JSON.stringify(s.Condition ?? {})).join()).toContain(`"aws:PrincipalOrgID":"${org.id}"`);
    expectSteady(run);

    // The day-2 changes as module arguments: the modules carry the same protection as the deploy stack.
    const plans = run.day2;
    // prevent_destroy refuses a new bucket name (both buckets: the access-log bucket's default name follows).
    expect(plans["rename the bucket"].refused).toEqual(["module.log_archive.aws_s3_bucket.access_logs[0]", "module.log_archive.aws_s3_bucket.log_archive"]);
    expect(plans["turn Object Lock on"]).toMatchObject({ refused: [], holders: {}, counts: { create: 1 } });
    // In the module the created key is counted: a brought key ARN drops it, which prevent_destroy refuses (README:
    // "Switching to an existing key" gives the state rm step).
    expect(plans["switch to an existing key"].refused).toEqual(["module.log_archive.aws_kms_key.cloudtrail[0]"]);
    expect(plans["rename the trail"]).toMatchObject({ refused: [] });
    expect(plans["move the key prefix"]).toMatchObject({ refused: [], holders: {} });
    for (const [name, p] of Object.entries(plans)) expect({ name, deleted: deletesLogs(p) }).toEqual({ name, deleted: [] });
  },
  ROOT_TIMEOUT,
);
