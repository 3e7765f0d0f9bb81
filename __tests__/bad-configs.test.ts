import { cpSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ruleSets } from "../modules/shared/rules/field-rules";
import { cli, cliAsync, inBatches, tempDir, tree, type CliRun } from "./helpers/cli";

/**
 * The corpus of bad configs: one file per rule in __tests__/fixtures/bad-configs. Each names the problems it must
 * produce (`# expect: <path>: <part of the message>`; a sibling `.expect` file for JSON). Every file is run through
 * the real CLI as `synth --json` over a previous output, which must stay byte for byte as it was; the problem list
 * must be exactly the expected one. (cli.test.ts checks the same problems in the human format.)
 */
const DIR = join(__dirname, "fixtures", "bad-configs");

interface Case {
  readonly file: string;
  readonly expects: { path: string; message: string }[];
}

function readCases(): Case[] {
  return readdirSync(DIR)
    .filter((f) => !f.endsWith(".expect"))
    .sort()
    .map((file) => {
      const text = file.endsWith(".yaml") ? readFileSync(join(DIR, file), "utf8") : readFileSync(join(DIR, `${file}.expect`), "utf8");
      const expects = [...text.matchAll(/^(?:# )?expect: (.+?): (.+)$/gm)].map((m) => ({ path: m[1] === "(top level)" ? "" : m[1], message: m[2] }));
      return { file, expects };
    });
}

/**
 * Rule sets that only module variables use (readWriteType and insightType are enums in the config; logGroupArn and
 * snsTopicArn name resources brought to the modules).
 */
const NOT_IN_CONFIG = ["readWriteType", "insightType", "logGroupArn", "snsTopicArn"];

describe("bad configs: every rule, through the real CLI", () => {
  const cases = readCases();
  let previousOutput: string;
  let results: { synth: CliRun; before: Record<string, string>; after: Record<string, string>; entries: string[] }[];

  beforeAll(async () => {
    previousOutput = join(tempDir("previous"), "out");
    const made = cli(["synth", "--quiet", "--out", previousOutput]);
    expect(made.status).toBe(0);
    results = await inBatches(
      cases.map((c) => async () => {
        const work = tempDir("bad");
        const out = join(work, "out");
        cpSync(previousOutput, out, { recursive: true });
        const before = tree(out);
        const synth = await cliAsync(["synth", "--json", "--config", join(DIR, c.file), "--out", out]);
        return { synth, before, after: tree(out), entries: readdirSync(work) };
      }),
    );
    // Over a hundred CLI runs in batches: on a 2-core machine shared with the apply tests this takes minutes.
  }, 300_000);

  test("the corpus has at least 40 configs, each expecting at least one problem", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect({ file: c.file, expects: c.expects.length > 0 }).toEqual({ file: c.file, expects: true });
  });

  test("synth exits with 2 and writes nothing: the previous output stays as it was, no staging folder is left", () => {
    cases.forEach((c, i) => {
      const { synth, before, after, entries } = results[i];
      expect({ file: c.file, status: synth.status, stderr: synth.stderr }).toEqual({ file: c.file, status: 2, stderr: "" });
      expect({ file: c.file, same: after }).toEqual({ file: c.file, same: before });
      expect({ file: c.file, entries }).toEqual({ file: c.file, entries: ["out"] });
    });
  });

  test("the JSON result lists exactly the expected problems, each with its path and rule", () => {
    cases.forEach((c, i) => {
      const doc = JSON.parse(results[i].synth.stdout) as { ok: boolean; exitCode: number; error: string; written: boolean; problems: { path: string; message: string }[] };
      expect({ file: c.file, ok: doc.ok, exitCode: doc.exitCode, error: doc.error, written: doc.written }).toEqual({ file: c.file, ok: false, exitCode: 2, error: "invalid-config", written: false });
      const got = doc.problems.map((p) => ({ path: p.path, message: p.message }));
      expect({ file: c.file, problems: got }).toEqual({ file: c.file, problems: c.expects.map((e) => ({ path: e.path, message: expect.stringContaining(e.message) })) });
    });
  });

  test("every rule of every rule set the config uses is broken by some case", () => {
    const messages = results.flatMap((r) => (JSON.parse(r.synth.stdout) as { problems: { message: string }[] }).problems.map((p) => p.message));
    const missed: string[] = [];
    for (const { name: set, rules, advice } of ruleSets()) {
      if (advice || NOT_IN_CONFIG.includes(set)) continue;
      rules.forEach((rule, index) => {
        if (!messages.some((m) => m.includes(`must ${rule.must}`))) missed.push(`${set}[${index}]: must ${rule.must}`);
      });
    }
    expect(missed).toEqual([]);
  });

  test("a config file that does not exist, or is a folder, is a config error too", () => {
    const work = tempDir("nofile");
    const missing = cli(["synth", "--config", join(work, "nope.yaml"), "--out", join(work, "out")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.yaml: 1 problem\n  - (top level): does not exist");
    const folder = cli(["validate", "--config", work]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain("is a folder, not a file");
    expect(readdirSync(work)).toEqual([]);
  });
});
