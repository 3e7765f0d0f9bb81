import { cpSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, cliAsync, inBatches, tempDir, tree, type CliRun } from "./helpers/cli";
import { exampleWith } from "./helpers/synth";

/**
 * Day-2 warnings through the real CLI: the example organization is synthesized into an output folder, the config
 * is changed, and synth runs again over a copy of that output, in the human and the JSON format.
 */
type Overrides = Parameters<typeof exampleWith>[0];
type Expected = [address: string, action: string, outcome: string][];

const KEY_ARN = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
/** The second starting point: CloudWatch Logs delivery on, so there is a log group to lose. */
const WITH_LOG_GROUP: Overrides = { trail: { cloudWatchLogs: { retentionDays: 365 } } };

interface Case {
  readonly name: string;
  readonly from: Overrides;
  readonly to: Overrides;
  readonly expected: Expected;
}

const CASES: Case[] = [
  {
    name: "rename the bucket (the access-log bucket's default name follows it)",
    from: {},
    to: { logArchive: { bucketName: "example-org-cloudtrail-logs-2" } },
    // prevent_destroy: terraform plan refuses; nothing is destroyed.
    expected: [
      ["aws_s3_bucket.log_archive", "replace", "refused"],
      ["aws_s3_bucket.access_logs", "replace", "refused"],
      ["aws_cloudtrail.organization", "update", "stranded"],
    ],
  },
  // In place: the Object Lock configuration resource turns it on for the existing bucket.
  { name: "turn Object Lock on", from: {}, to: { logArchive: { objectLock: { retentionDays: 365 } } }, expected: [] },
  {
    name: "switch to an existing key ARN",
    from: {},
    to: { encryption: { kmsKey: KEY_ARN } },
    // A removed block keeps the created key (and its policy's decrypt grants) instead of scheduling its deletion.
    expected: [
      ["aws_kms_key.cloudtrail", "destroy", "kept"],
      ["aws_cloudtrail.organization", "update", "stranded"],
    ],
  },
  { name: "rename the trail", from: {}, to: { trail: { name: "org-trail-2" } }, expected: [["aws_cloudtrail.organization", "replace", "destroyed"]] },
  {
    name: "rename the log group",
    from: WITH_LOG_GROUP,
    to: { trail: { cloudWatchLogs: { retentionDays: 365, logGroupName: "/aws/cloudtrail/renamed" } } },
    expected: [["aws_cloudwatch_log_group.cloudtrail", "replace", "kept"]],
  },
  {
    name: "rename the trail with CloudWatch Logs on (the log group's default name follows it)",
    from: WITH_LOG_GROUP,
    to: { trail: { name: "org-trail-2", cloudWatchLogs: { retentionDays: 365 } } },
    expected: [
      ["aws_cloudtrail.organization", "replace", "destroyed"],
      ["aws_cloudwatch_log_group.cloudtrail", "replace", "kept"],
    ],
  },
  { name: "change the key prefix", from: {}, to: { logArchive: { keyPrefix: "cloudtrail" } }, expected: [["aws_cloudtrail.organization", "update", "stranded"]] },
  // A removed block keeps the access-log bucket, its logs and its settings.
  { name: "turn access logs off", from: {}, to: { logArchive: { accessLogs: { enabled: false } } }, expected: [["aws_s3_bucket.access_logs", "destroy", "kept"]] },
  { name: "change a lifecycle day count", from: {}, to: { logArchive: { lifecycle: { transitionDays: 120 } } }, expected: [] },
  { name: "add a member reader role", from: {}, to: { memberRoles: [{ accountId: "333333333333" }] }, expected: [] },
];

interface Day2ChangeJson {
  address: string;
  subject: string;
  action: string;
  outcome: string;
  arguments: string[];
  reason: string;
  effect: string;
  remedy: string;
}

const sorted = (e: Expected) => [...e].sort((a, b) => a.join().localeCompare(b.join()));
const triples = (changes: Day2ChangeJson[]): Expected => sorted(changes.map((c) => [c.address, c.action, c.outcome]));

function configFile(dir: string, name: string, overrides: Overrides): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(exampleWith(overrides)));
  return file;
}

/** An output folder synthesized from `overrides`, to copy as the previous output of each case. */
function previousOutput(overrides: Overrides): string {
  const dir = tempDir("day2-from");
  const out = join(dir, "out");
  const r = cli(["synth", "--quiet", "--config", configFile(dir, "from", overrides), "--out", out]);
  if (r.status !== 0) throw new Error(r.stderr);
  return out;
}

function copyOf(previous: string): string {
  const out = join(tempDir("day2"), "out");
  cpSync(previous, out, { recursive: true });
  return out;
}

describe("synth warns about changes to deployed logs, through the real CLI", () => {
  let results: { human: CliRun; json: CliRun; humanBefore: Record<string, string>; humanAfter: Record<string, string> }[];

  beforeAll(async () => {
    // One previous output per starting point, copied for each case.
    const previous = new Map<string, string>();
    for (const c of CASES) if (!previous.has(JSON.stringify(c.from))) previous.set(JSON.stringify(c.from), previousOutput(c.from));
    results = await inBatches(
      CASES.map((c) => async () => {
        const config = configFile(tempDir("day2-to"), "to", c.to);
        const from = previous.get(JSON.stringify(c.from))!;
        const [humanOut, jsonOut] = [copyOf(from), copyOf(from)];
        const humanBefore = tree(humanOut);
        const human = await cliAsync(["synth", "--config", config, "--out", humanOut]);
        const json = await cliAsync(["synth", "--json", "--config", config, "--out", jsonOut]);
        return { human, json, humanBefore, humanAfter: tree(humanOut) };
      }),
      2,
    );
    // Twenty-odd CLI runs on a shared two-core machine.
  }, 300_000);

  test.each(CASES.map((c, i) => [c.name, i] as const))("%s: JSON lists exactly the expected changes, and the output is written", (_, i) => {
    const { json } = results[i];
    expect(json.status).toBe(0);
    expect(json.stderr).toBe("");
    const doc = JSON.parse(json.stdout) as { ok: boolean; written: boolean; comparedWith: string; day2Changes: Day2ChangeJson[] };
    expect(doc).toMatchObject({ ok: true, written: true, comparedWith: expect.stringMatching(/\/out\/stacks\/org-cloudtrail\/cdk\.tf\.json$/) });
    expect(triples(doc.day2Changes)).toEqual(sorted(CASES[i].expected));
    for (const c of doc.day2Changes) {
      for (const field of ["subject", "reason", "effect", "remedy"] as const) expect({ address: c.address, field, empty: c[field].length === 0 }).toEqual({ address: c.address, field, empty: false });
    }
  });

  test.each(CASES.map((c, i) => [c.name, i] as const))("%s: human mode prints one block per change on stderr, and writes", (_, i) => {
    const { human, humanBefore, humanAfter } = results[i];
    const { expected } = CASES[i];
    expect(human.status).toBe(0);
    expect(humanAfter).not.toEqual(humanBefore);
    const blocks = [...human.stderr.matchAll(/^ {2}(\S+): (replace|destroy|update) — /gm)].map((m) => [m[1], m[2]]);
    expect(blocks.sort((a, b) => a.join().localeCompare(b.join()))).toEqual(sorted(expected).map(([address, action]) => [address, action]));
    if (expected.length) {
      expect(human.stderr).toContain(`orgtrail synth: ${expected.length} change${expected.length === 1 ? "" : "s"} to resources that hold or produce logs, compared with `);
      for (const label of ["why:", "logs:", "safely:"]) expect(human.stderr.split("\n").filter((l) => l.startsWith(`    ${label}`)).length).toBe(expected.length);
      expect(human.stdout).toContain(`to resources that hold or produce logs: see above`);
    } else {
      expect(human.stderr).not.toContain("hold or produce logs");
      expect(human.stdout).not.toContain("hold or produce logs");
    }
  });

  test("the blocks say what happens to the logs and the safe way, in words a reviewer can act on", () => {
    // Blocks are wrapped for a terminal: read them as running text.
    const stderr = (name: string) => results[CASES.findIndex((c) => c.name.startsWith(name))].human.stderr.replace(/\s+/g, " ");
    expect(stderr("switch to an existing key ARN")).toContain("A removed block with lifecycle { destroy = false } takes it out of state");
    expect(stderr("switch to an existing key ARN")).toContain("the key stays, enabled, with its alias and its last policy");
    expect(stderr("rename the bucket")).toContain('lifecycle.prevent_destroy is set: terraform plan fails ("Instance cannot be replaced")');
    expect(stderr("rename the bucket")).toContain("terraform state rm 'aws_s3_bucket.log_archive'");
    expect(stderr("change the key prefix")).toContain(
      "new files to s3://example-org-cloudtrail-logs/cloudtrail/AWSLogs/…; every file delivered so far stays under s3://example-org-cloudtrail-logs/AWSLogs/…",
    );
    expect(stderr("change the key prefix")).toContain('add the old prefix to logArchive.previousKeyPrefixes ("";');
    expect(stderr("turn access logs off")).toContain("the bucket stays with its logs, policy, encryption and lifecycle");
  });
});

describe("synth without earlier output, or without changes, says nothing about day 2", () => {
  test("a first synth (empty --out) compares with nothing", () => {
    const out = join(tempDir("day2-first"), "out");
    const json = JSON.parse(cli(["synth", "--json", "--out", out]).stdout);
    expect(json).toMatchObject({ ok: true, comparedWith: null, day2Changes: [] });
    const human = cli(["synth", "--out", join(tempDir("day2-first"), "out")]);
    expect(human.stderr).not.toContain("comparing the deploy stack with the previous output");
    expect(human.stderr).not.toContain("hold or produce logs");
  });

  test("the same config again: compared, no change", () => {
    const out = join(tempDir("day2-same"), "out");
    expect(cli(["synth", "--quiet", "--out", out]).status).toBe(0);
    const human = cli(["synth", "--out", out]);
    expect(human.stderr).toContain("orgtrail synth: comparing the deploy stack with the previous output");
    expect(human.stderr).not.toContain("hold or produce logs");
    expect(JSON.parse(cli(["synth", "--json", "--out", out]).stdout)).toMatchObject({ comparedWith: join(out, "stacks", "org-cloudtrail", "cdk.tf.json"), day2Changes: [] });
  });
});

describe("--quiet and --fail-on-destroy", () => {
  let previous: string;
  let renameTrail: string;
  let movePrefix: string;

  beforeAll(() => {
    previous = previousOutput({});
    const dir = tempDir("day2-configs");
    renameTrail = configFile(dir, "rename-trail", { trail: { name: "org-trail-2" } });
    movePrefix = configFile(dir, "move-prefix", { logArchive: { keyPrefix: "cloudtrail" } });
  });

  test("--quiet still prints the warnings on stderr, and nothing on stdout", () => {
    const out = copyOf(previous);
    const r = cli(["synth", "--quiet", "--config", renameTrail, "--out", out]);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: "" });
    expect(r.stderr).toMatch(/^orgtrail synth: 1 change to resources that hold or produce logs/);
    expect(r.stderr).toContain("  aws_cloudtrail.organization: replace — trail \"org-trail\" is destroyed\n");
    expect(r.stderr).not.toContain("orgtrail synth: reading");
  });

  test("--fail-on-destroy: exit 4, the warnings and the refusal, and the previous output byte for byte", () => {
    const out = copyOf(previous);
    const before = tree(out);
    const r = cli(["synth", "--fail-on-destroy", "--config", renameTrail, "--out", out]);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 4, stdout: "" });
    expect(r.stderr).toContain("  aws_cloudtrail.organization: replace — ");
    expect(r.stderr).toContain(
      "orgtrail synth: 1 change would destroy a resource that holds, produces or decrypts logs (aws_cloudtrail.organization) and --fail-on-destroy is set: refusing to write\nNothing was written.",
    );
    expect(r.stderr).not.toContain("Warnings do not change the exit code");
    expect(tree(out)).toEqual(before);
    expect(readdirSync(join(out, ".."))).toEqual(["out"]);
  });

  test("--fail-on-destroy --json: one document with the changes, nothing written", () => {
    const out = copyOf(previous);
    const before = tree(out);
    const r = cli(["synth", "--fail-on-destroy", "--json", "--config", renameTrail, "--out", out]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 4, stderr: "" });
    const doc = JSON.parse(r.stdout) as { day2Changes: Day2ChangeJson[] };
    expect(doc).toMatchObject({ ok: false, exitCode: 4, error: "logs-at-risk", written: false });
    expect(triples(doc.day2Changes)).toEqual([["aws_cloudtrail.organization", "replace", "destroyed"]]);
    expect(tree(out)).toEqual(before);
  });

  test("an unreadable previous deploy stack is said, not skipped silently; --fail-on-destroy refuses it", () => {
    const out = copyOf(previous);
    writeFileSync(join(out, "stacks", "org-cloudtrail", "cdk.tf.json"), "{ edited by hand");
    const before = tree(out);
    const refused = cli(["synth", "--quiet", "--fail-on-destroy", "--out", out]);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain("orgtrail synth: could not read the previous deploy stack (");
    expect(refused.stderr).toContain("--fail-on-destroy cannot tell whether logs would be lost: refusing to write");
    expect(tree(out)).toEqual(before);
    const written = cli(["synth", "--quiet", "--out", out]);
    expect(written.status).toBe(0);
    expect(written.stderr).toContain("changes to deployed logs were not checked");
    expect(tree(out)).not.toEqual(before);
  });

  test("--fail-on-destroy lets through what strands history but destroys nothing", () => {
    const out = copyOf(previous);
    const r = cli(["synth", "--fail-on-destroy", "--json", "--config", movePrefix, "--out", out]);
    expect(r.status).toBe(0);
    expect(triples((JSON.parse(r.stdout) as { day2Changes: Day2ChangeJson[] }).day2Changes)).toEqual([["aws_cloudtrail.organization", "update", "stranded"]]);
  });
});
