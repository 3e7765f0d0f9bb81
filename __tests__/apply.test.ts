import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { config, readTf, synthTo } from "./helpers/synth";
import { applyPlanDestroy, forceDestroyBuckets, instancesOf, providersOf, useMoto, type RootRun } from "./helpers/moto";
import { workdir } from "./helpers/terraform";
import { planAgainstState } from "./helpers/plans";
import { parseConfig } from "../config/load";
import { readPlan } from "../stacks/review/plan";
import { review } from "../stacks/review/review";

/**
 * Applied end to end against the AWS API emulator moto (helpers/moto.ts; what it does not check:
 * docs/apply-tests.md). Each root applies, plans no change against the applied state, and destroys, on an emulator
 * of its own. The roots run side by side from beforeAll (each test awaits its root): about 100 s each, most of it
 * hashicorp/aws waiting for lifecycle configurations to read back.
 */
const moto = useMoto();
/** A safety net for a loaded machine: alone, both roots together take about two and a half minutes. */
const ROOT_TIMEOUT = 420_000;

function report(root: string, run: RootRun): void {
  const s = run.seconds;
  process.stdout.write(`apply test, ${root}: apply ${s.apply.toFixed(1)} s, plan ${s.plan.toFixed(1)} s, destroy ${s.destroy.toFixed(1)} s\n`);
}

/** What every root must show: no change after apply (else the diff), nothing left after destroy. */
function expectSteady(run: RootRun): void {
  expect({ planExitCode: run.planExitCode, diff: run.planOutput }).toEqual({ planExitCode: 0, diff: "" });
  expect(run.leftAfterDestroy).toEqual([]);
}

async function deployStackRoot() {
  const emulator = await moto.start();
  const org = await emulator.createOrganization(["log-archive", "workload"]);
  const c = config({
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
  });
  const stack = join(synthTo(c), "stacks", "org-cloudtrail");
  const providers = providersOf(readTf(join(stack, "cdk.tf.json")));
  const dir = workdir("apply-stack", stack);
  await emulator.writeEmulatorProviders(dir, providers);
  const forced = forceDestroyBuckets(dir);
  const run = await applyPlanDestroy(emulator, dir);
  report("deploy stack", run);
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
  const run = await applyPlanDestroy(emulator, dir, [`-var=management_account_id=${org.managementAccountId}`, `-var=log_archive_account_id=${org.members["log-archive"]}`]);
  report("examples/two-accounts", run);
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
  "orgtrail review of a change planned against the applied state: a new third party, a renamed bucket",
  async () => {
    const { c, run } = await stackRoot;
    const changed = parseConfig({
      ...c,
      logArchive: { ...c.logArchive, bucketName: `${c.logArchive.bucketName}-v2` },
      thirdPartyReaders: [...c.thirdPartyReaders, { name: "NewSiem", accountId: "777777777777", externalId: "new-siem-ext-id" }],
    });
    const r = review(readPlan(planAgainstState(changed, run.appliedState), "applied-state plan"));
    expect(r.access.callouts.map((x) => [x.principal, x.newThirdParty])).toEqual([["account 777777777777", true]]);
    const bucket = r.destructive.find((x) => x.address === "aws_s3_bucket.log_archive")!;
    // The applied buckets carry force_destroy (set for the emulator's destroy step): the review says what that means.
    expect(bucket).toMatchObject({ action: "replace", outcome: "destroyed" });
    expect(bucket.effect).toContain("force_destroy = true");
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
  },
  ROOT_TIMEOUT,
);
