import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Config } from "../config/schema";
import { explain } from "../stacks/explain";
import { readPlan } from "../stacks/review/plan";
import { gatesHit, isGate, review } from "../stacks/review/review";
import { grantLine } from "../stacks/review/access";
import { cli } from "./helpers/cli";
import { config } from "./helpers/config";
import { planConfigChange } from "./helpers/plans";
import { MEMBER_LOG_QUERIES_VARIABLES } from "../modules/member-log-queries/inputs";
import { argumentsOf } from "../modules/shared/inputs";
import { initAndPlan, workdir, writeOfflineProviders } from "./helpers/terraform";

/**
 * `orgtrail review` of genuine plans: the deploy stack of one config is planned, its planned values become the state,
 * and the deploy stack of a changed config is planned against it offline (helpers/plans.ts, planConfigChange).
 * Terraform and hashicorp/aws decide every action; the review has to read them.
 */
// One base for every change, so its state is planned once: a log-archive account, a member reader role, and the
// trail delivering to CloudWatch Logs and SNS (what the CIS alarms build on).
const delivery = { cloudWatchLogs: {}, snsTopic: {} };
const baseInput = (extra: Partial<Config["logArchive"]> = {}, more: { thirdPartyReaders?: Config["thirdPartyReaders"]; alarms?: boolean } = {}) => ({
  logArchive: { accountId: "222222222222", ...extra },
  memberRoles: [{ accountId: "333333333333" }],
  trail: { ...delivery, ...(more.alarms ? { alarms: {} } : {}) },
  ...(more.thirdPartyReaders ? { thirdPartyReaders: more.thirdPartyReaders } : {}),
});
const base = (...args: Parameters<typeof baseInput>) => config(baseInput(...args));
const withReader = base({}, { thirdPartyReaders: [{ name: "SiemVendor", accountId: "999999999999", externalId: "siem-ext-id-1234" }] });

const dir = mkdtempSync(join(tmpdir(), "orgtrail-review-"));
let readerPlan: string;
let bucketPlan: string;
let alarmsPlan: string;
let queriesPlan: string;
let prefixPlan: string;
let keptPrefixPlan: string;
let keyPlan: string;
const BROUGHT_KEY = "arn:aws:kms:us-east-1:222222222222:key/0c0ffee0-0000-4000-8000-0000000000aa";
beforeAll(() => {
  prefixPlan = join(dir, "prefix.json");
  writeFileSync(prefixPlan, planConfigChange(base(), base({ keyPrefix: "cloudtrail" })));
  keptPrefixPlan = join(dir, "kept-prefix.json");
  writeFileSync(keptPrefixPlan, planConfigChange(base(), base({ keyPrefix: "cloudtrail", previousKeyPrefixes: [""] })));
  keyPlan = join(dir, "key.json");
  writeFileSync(keyPlan, planConfigChange(base(), config({ ...baseInput(), encryption: { kmsKey: BROUGHT_KEY } })));
  alarmsPlan = join(dir, "alarms.json");
  writeFileSync(alarmsPlan, planConfigChange(base(), base({}, { alarms: true })));
  queriesPlan = join(dir, "queries.json");
  writeFileSync(queriesPlan, JSON.stringify(planMemberLogQueries()));
  readerPlan = join(dir, "reader.json");
  writeFileSync(readerPlan, planConfigChange(base(), withReader));
  bucketPlan = join(dir, "bucket.json");
  // orgtrail's own stack refuses this plan (prevent_destroy); the reviewer's view of it is tested without that protection.
  writeFileSync(bucketPlan, planConfigChange(base(), base({ bucketName: "example-org-cloudtrail-archive" }), { unprotected: true }));
}, 300_000);

/**
 * A member team's root that vendors the member-log-queries module as shipped (examples/vendor, kept equal to the
 * code by the golden test) with the arguments of a config, planned offline: what their pull request's plan shows.
 */
function planMemberLogQueries(): Record<string, unknown> {
  const c = config({ memberLogQueries: { accounts: ["333333333333"] } });
  const root = workdir("queries-root");
  require("node:fs").cpSync(join(__dirname, "..", "examples", "vendor", "orgtrail", "member-log-queries"), join(root, "vendor", "member-log-queries"), { recursive: true });
  const args = { ...argumentsOf(MEMBER_LOG_QUERIES_VARIABLES, c), role_names: ["LogAnalyst"] };
  writeFileSync(join(root, "main.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1" }] }, module: { queries: { source: "./vendor/member-log-queries", ...args } } }));
  writeOfflineProviders(root, [undefined]);
  return initAndPlan(root).raw;
}

const reviewed = (file: string) => review(readPlan(require("node:fs").readFileSync(file, "utf8"), file));

describe("a plan that adds a third party reading every account's logs", () => {
  test("calls out the account outside the organization first, with the role it may assume and what that role reads", () => {
    const r = reviewed(readerPlan);
    expect(r.access.callouts).toHaveLength(1);
    const [c] = r.access.callouts;
    expect(c).toMatchObject({ principal: "account 999999999999", reach: "external", newThirdParty: true });
    expect(c.what).toBe("can now assume role SiemVendor (external ID siem-ext-id-1234)");
    expect(c.scope).toContain("s3:GetObject on arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/* (every account's logs)");
    // The member account trusted by its own reader role is the organization's: its logs prefix is in the plan.
    expect(r.organizationAccounts).toEqual(expect.arrayContaining(["111111111111", "222222222222", "333333333333"]));
    expect(r.organizationAccounts).not.toContain("999999999999");
  });

  test("lists the gains per principal, destroys nothing, and sizes the new policies against their limits", () => {
    const r = reviewed(readerPlan);
    expect(r.destructive).toEqual([]);
    expect(r.access.principals.map((p) => p.principal)).toEqual(["account 999999999999", "role SiemVendor"]);
    expect(r.access.principals.every((p) => p.lost.length === 0)).toBe(true);
    expect(r.sizes.find((s) => s.name === "role SiemVendor trust")).toMatchObject({ before: undefined, limit: 2048 });
    expect(gatesHit(r, ["destroy", "new-external-access", "new-access", "lost-access"])).toEqual(["new-external-access", "new-access"]);
  });

  test("the CLI prints Markdown for a pull request and exits 5 on --fail-on new-external-access", () => {
    const run = cli(["review", "--plan", readerPlan, "--markdown", "--fail-on", "destroy,new-external-access"]);
    expect(run.status).toBe(5);
    expect(run.stdout).toContain("### New access from outside the organization");
    expect(run.stdout).toContain("- **account 999999999999 (outside the organization, a new third party)** can now assume role SiemVendor");
    expect(run.stderr).toContain("fails --fail-on new-external-access");
    expect(cli(["review", "--plan", readerPlan, "--fail-on", "destroy"]).status).toBe(0);
  });
});

describe("a plan that renames the archive bucket", () => {
  test("reports the replacement with what it does to the logs and the safe way, in the day-2 words", () => {
    const r = reviewed(bucketPlan);
    const bucket = r.destructive.find((c) => c.address === "aws_s3_bucket.log_archive")!;
    expect(bucket).toMatchObject({ action: "replace", outcome: "destroyed", arguments: ["bucket"] });
    expect(bucket.reason).toBe('bucket changes from "example-org-cloudtrail-logs" to "example-org-cloudtrail-archive", which forces a new resource (a bucket cannot be renamed: a new name is a new bucket)');
    expect(bucket.effect).toContain("BucketNotEmpty");
    // The policy and settings Terraform deletes first are kept out of state together with the bucket.
    expect(bucket.remedy).toContain("'aws_s3_bucket_policy.log_archive'");
    expect(bucket.remedy).toContain("in the root this plan was made in");
    const trail = r.destructive.find((c) => c.address === "aws_cloudtrail.organization")!;
    expect(trail).toMatchObject({ action: "update", outcome: "stranded", arguments: ["s3_bucket_name"] });
    // A new bucket is not a prefix: previousKeyPrefixes cannot keep its history readable, and the words do not suggest it.
    expect(trail.effect).toContain("The bucket policy and the reader roles' policies are rewritten for the new location only");
    expect(`${trail.effect} ${trail.remedy}`).not.toContain("previousKeyPrefixes");
  });

  test("--fail-on destroy exits 5; --json carries every finding", () => {
    const run = cli(["review", "--plan", bucketPlan, "--json", "--fail-on", "destroy"]);
    expect(run.status).toBe(5);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ command: "review", ok: false, exitCode: 5, failedOn: ["destroy"] });
    expect(doc.destructive.map((c: { address: string }) => c.address)).toContain("aws_s3_bucket.log_archive");
    expect(doc.sizes.find((s: { name: string }) => s.name === 'bucket policy of "example-org-cloudtrail-logs"')).toMatchObject({ before: expect.any(Number), after: expect.any(Number) });
  });
});

describe("a plan that turns the CIS alarms on", () => {
  test("CloudWatch gains publishing to the trail's topic for the trail's alarms only, and the key for that topic only", () => {
    const r = reviewed(alarmsPlan);
    expect(r.destructive).toEqual([]);
    expect(r.access.callouts).toEqual([]);
    const [cloudwatch] = r.access.principals;
    expect(r.access.principals).toHaveLength(1);
    expect(cloudwatch.principal).toBe("service cloudwatch.amazonaws.com");
    const gained = cloudwatch.gained.map(grantLine).join("\n");
    expect(gained).toContain("sns:Publish on arn:aws:sns:us-east-1:111111111111:org-trail-notifications if aws:SourceAccount StringEquals 111111111111 and aws:SourceArn ArnLike arn:aws:cloudwatch:us-east-1:111111111111:alarm:org-trail-*");
    expect(gained).toContain("kms:EncryptionContext:aws:sns:topicArn StringEquals arn:aws:sns:us-east-1:111111111111:org-trail-notifications");
    expect(gatesHit(r, ["destroy", "new-external-access", "new-access"])).toEqual(["new-access"]);
    const topic = r.sizes.find((s) => s.name.startsWith("topic policy of"))!;
    expect(topic.after).toBeGreaterThan(topic.before!);
  });
});

describe("a member team's plan that adds the member-log-queries module", () => {
  test("the role the query policy is attached to gains Athena in its workgroup and its own account's logs, nothing of a neighbour's", () => {
    const r = reviewed(queriesPlan);
    expect(r.destructive).toEqual([]);
    expect(r.access.callouts).toEqual([]);
    // The attachment names the new policy by a reference only (its ARN is known after apply): read from the configuration.
    expect(r.access.principals.map((p) => p.principal).sort()).toEqual(["anyone (*)", "role LogAnalyst"]);
    const holders = r.access.principals.find((p) => p.principal === "role LogAnalyst")!;
    const gained = holders.gained.map(grantLine);
    expect(gained.join("\n")).toMatch(/athena:StartQueryExecution.* on arn:aws:athena:us-east-1:333333333333:workgroup\//);
    const reads = gained.filter((a) => /^s3:GetObject\b/.test(a) && a.includes("AWSLogs/"));
    expect(reads.length).toBeGreaterThan(0);
    for (const a of reads) expect(a).toMatch(/AWSLogs\/o-exampleorgid\/333333333333\//);
    // The results bucket's name is known in the plan, its policy's `bucket` only after apply: named from the statements.
    expect(r.sizes.map((s) => s.name)).toContain('bucket policy of "orgtrail-athena-results-333333333333-us-east-1"');
    expect(gatesHit(r, ["destroy", "new-external-access", "new-access"])).toEqual(["new-access"]);
  });
});

describe("a plan that moves the key prefix", () => {
  const readerOf = (r: ReturnType<typeof reviewed>, principal: string) => r.access.principals.find((p) => p.principal === principal);
  test("the trail strands its history: new files under the new prefix, the old ones where they are, and how to keep them readable", () => {
    const r = reviewed(prefixPlan);
    const trail = r.destructive.find((c) => c.address === "aws_cloudtrail.organization")!;
    expect(trail).toMatchObject({ action: "update", outcome: "stranded", arguments: ["s3_key_prefix"] });
    expect(trail.effect).toContain("new files to s3://example-org-cloudtrail-logs/cloudtrail/AWSLogs/…; every file delivered so far stays under s3://example-org-cloudtrail-logs/AWSLogs/…");
    expect(trail.remedy).toContain('add the old prefix to logArchive.previousKeyPrefixes ("";');
    expect(gatesHit(r, ["destroy", "strand", "lost-access"])).toEqual(["strand", "lost-access"]);
    // The member's reader role loses its history and gains the new prefix only.
    const role = readerOf(r, "role OrgTrailLogReader-333333333333")!;
    expect(role.lost.map(grantLine)).toContain("s3:GetObject on arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/333333333333/* (logs of account 333333333333)");
    expect(role.gained.map(grantLine)).toContain("s3:GetObject on arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/* (logs of account 333333333333)");
  });

  test("with previousKeyPrefixes the readers keep the old prefix: only CloudTrail loses the old location, where it no longer writes", () => {
    const r = reviewed(keptPrefixPlan);
    expect(r.destructive.map((c) => [c.address, c.outcome])).toEqual([["aws_cloudtrail.organization", "stranded"]]);
    const role = readerOf(r, "role OrgTrailLogReader-333333333333")!;
    expect(role.gained.map(grantLine)).toContain("s3:GetObject on arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/* (logs of account 333333333333)");
    // Listing now admits both prefixes: a widened condition is kept, not reported as lost.
    expect(role.gained.map(grantLine)).toContain("s3:ListBucket on arn:aws:s3:::example-org-cloudtrail-logs if s3:prefix StringLike cloudtrail/AWSLogs/o-exampleorgid/333333333333/* | AWSLogs/o-exampleorgid/333333333333/*");
    expect(role.lost.filter((g) => g.effect === "Allow")).toEqual([]);
    // The Deny keeps both prefixes as one exception set: everything but the account's logs under either.
    expect(role.gained.map(grantLine)).toContain(
      "DENY s3:GetObject on NOT arn:aws:s3:::example-org-cloudtrail-logs/cloudtrail/AWSLogs/o-exampleorgid/333333333333/* | arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/333333333333/* (everything but logs of account 333333333333)",
    );
    const lostAllows = r.access.principals.flatMap((p) => p.lost.filter((g) => g.effect === "Allow").map((g) => `${p.principal}: ${g.actions.join()} on ${g.resource}`));
    expect(lostAllows.sort()).toEqual([
      "service cloudtrail.amazonaws.com: s3:PutObject on arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/111111111111/*",
      "service cloudtrail.amazonaws.com: s3:PutObject on arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/*",
    ]);
  });
});

describe("a plan that switches to a brought key", () => {
  test("the created key is forgotten, not destroyed; the trail encrypts new files with the new key and the history stays with the old", () => {
    const r = reviewed(keyPlan);
    expect(r.destructive.find((c) => c.address === "aws_kms_key.cloudtrail")).toMatchObject({ outcome: "kept" });
    const trail = r.destructive.find((c) => c.address === "aws_cloudtrail.organization")!;
    expect(trail).toMatchObject({ outcome: "stranded", arguments: ["kms_key_id"] });
    expect(trail.effect).toContain(`New log files are encrypted with "${BROUGHT_KEY}"`);
    expect(trail.remedy).toContain("Keep the old key");
    expect(gatesHit(r, ["destroy", "strand"])).toEqual(["strand"]);
  });
});

describe("reading plans", () => {
  test("resources are found by type and content: the same plan under a module path reads the same", () => {
    const raw = JSON.parse(require("node:fs").readFileSync(readerPlan, "utf8"));
    for (const c of raw.resource_changes) c.address = `module.org_logs.${c.address}`;
    const moved = review(readPlan(JSON.stringify(raw), "moved.json"));
    expect(moved.access.callouts).toEqual(reviewed(readerPlan).access.callouts);
  });

  test("a policy's holders are who its attachments name: roles by the policy's ARN, an SCP's accounts and OUs by its ID", () => {
    const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", Action: action, Resource: "*" }] });
    const change = (address: string, type: string, before: object | null, after: object) => ({ address, type, mode: "managed", change: { actions: [before ? "update" : "create"], before, after, after_unknown: {} } });
    const arn = "arn:aws:iam::222222222222:policy/Readers";
    const plan = {
      format_version: "1.2",
      resource_changes: [
        change("aws_iam_policy.readers", "aws_iam_policy", { name: "Readers", arn, policy: doc("s3:GetObject") }, { name: "Readers", arn, policy: doc("s3:ListBucket") }),
        ...["Auditor", "Analyst"].map((role) => change(`aws_iam_role_policy_attachment.readers["${role}"]`, "aws_iam_role_policy_attachment", null, { role, policy_arn: arn })),
        change("aws_organizations_policy.guard", "aws_organizations_policy", null, { name: "guard", id: "p-abcd1234", content: doc("cloudtrail:StopLogging") }),
        ...["ou-ab12-cdef3456", "333333333333"].map((target) => change(`aws_organizations_policy_attachment.guard["${target}"]`, "aws_organizations_policy_attachment", null, { target_id: target, policy_id: "p-abcd1234" })),
      ],
    };
    const r = review(readPlan(JSON.stringify(plan), "attachments.json"));
    expect(r.access.principals.map((p) => p.principal).sort()).toEqual(["accounts under SCP guard (attached to OU ou-ab12-cdef3456, account 333333333333)", "roles Analyst, Auditor"]);
    const roles = r.access.principals.find((p) => p.principal === "roles Analyst, Auditor")!;
    expect([roles.gained.map(grantLine), roles.lost.map(grantLine)]).toEqual([["s3:ListBucket on *"], ["s3:GetObject on *"]]);
  });

  test("a state, a config or a broken file is refused with exit 2; an unknown gate is a usage error", () => {
    const state = join(dir, "state.json");
    writeFileSync(state, JSON.stringify({ format_version: "1.0", values: {} }));
    const r = cli(["review", "--plan", state]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 2, stderr: expect.stringContaining("the JSON of a state, not of a plan") });
    writeFileSync(join(dir, "broken.json"), "{");
    expect(cli(["review", "--plan", join(dir, "broken.json")]).status).toBe(2);
    const bad = cli(["review", "--plan", readerPlan, "--fail-on", "destory"]);
    expect({ status: bad.status, stderr: bad.stderr }).toEqual({ status: 64, stderr: expect.stringContaining('unknown gate "destory"') });
  });
});

describe("explain --plan", () => {
  test("prints the documents the plan will apply, read as a config's are", () => {
    const text = cli(["explain", "--plan", readerPlan]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("role SiemVendor trust:\n  ALLOW arn:aws:iam::999999999999:root  [TrustThirdPartyWithExternalId]");
    const doc = JSON.parse(cli(["explain", "--plan", readerPlan, "--json"]).stdout);
    const planned = doc.rows.filter((r: { policy: string }) => r.policy === 'bucket policy of "example-org-cloudtrail-logs"').map((r: { sid: string }) => r.sid);
    expect(planned).toEqual(explain(withReader).rows.filter((r) => r.policy === "log archive bucket policy").map((r) => r.sid));
  });
});

test("the GitHub Actions example runs review with gates the CLI knows, and comments its Markdown", () => {
  const YAML = require("yaml") as typeof import("yaml");
  const workflow = YAML.parse(require("node:fs").readFileSync(join(__dirname, "..", "examples", "github-actions", "orgtrail-review.yml"), "utf8"));
  const steps = workflow.jobs.review.steps as { name?: string; run?: string }[];
  const reviewStep = steps.find((s) => s.run?.includes("orgtrail review"))!;
  const gates = /--fail-on ([\w,-]+)/.exec(reviewStep.run!)![1].split(",");
  expect(gates.filter((g) => !isGate(g))).toEqual([]);
  expect(reviewStep.run).toContain("--markdown");
  expect(steps.find((s) => s.run?.includes("terraform show -json tfplan"))).toBeDefined();
  expect(steps.some((s) => s.name === "Comment")).toBe(true);
});
