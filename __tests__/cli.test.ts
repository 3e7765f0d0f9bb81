import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { loadConfig } from "../config/load";
import { CONCEPTS } from "../modules";
import { enforcedBy } from "../modules/shared/rules/cross-field";
import { ruleSets } from "../modules/shared/rules/field-rules";
import { buildModules } from "../stacks/build-module";
import { cli, tempDir, tree } from "./helpers/cli";

const MODULE_NAMES = buildModules(tempDir("module-names")).map((m) => m.name);

const ROOT = join(__dirname, "..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const COMMANDS = ["synth", "validate", "init", "schema", "rules", "explain", "review"];

const GOOD = "organization:\n  id: o-a1b2c3d4e5\n  managementAccountId: '123456789012'\n  homeRegion: eu-west-1\nlogArchive:\n  bucketName: acme-org-trail-logs\ntrail:\n  name: acme-trail\n";

function configFile(text: string, name = "org.yaml"): { dir: string; file: string } {
  const dir = tempDir("cli");
  writeFileSync(join(dir, name), text);
  return { dir, file: join(dir, name) };
}

describe("help and usage", () => {
  test("every command has a help template and every template a command", () => {
    // help/<command>.hbs; templates of generated files carry their own extension (module-readme.md.hbs).
    const templates = readdirSync(join(ROOT, "help")).filter((f) => /^[a-z-]+\.hbs$/.test(f)).map((f) => f.replace(/\.hbs$/, ""));
    expect(templates.sort()).toEqual(["orgtrail", ...COMMANDS].sort());
  });

  test.each([["orgtrail", []], ...COMMANDS.map((c) => [c, [c]])] as [string, string[]][])("%s --help renders its template with the parser's own options", (name, args) => {
    const r = cli([...args, "--help"]);
    expect(r.status).toBe(0);
    // A sentence of the template's own prose, not commander's default text.
    const prose = readFileSync(join(ROOT, "help", `${name}.hbs`), "utf8").split("\n").find((l) => l.length > 40 && !l.includes("{{"))!;
    expect(r.stdout).toContain(prose.trim());
    expect(r.stdout).toMatch(/^Usage: orgtrail /m);
    expect(r.stdout).toContain("-h, --help");
    expect(r.stdout).not.toContain("{{");
  });

  test("synth --help lists its options, the exit codes and the safe-write promise", () => {
    const r = cli(["synth", "--help"]);
    for (const o of ["-c, --config <file>", "-o, --out <dir>", "-q, --quiet", "--json"]) expect(r.stdout).toContain(o);
    expect(r.stdout).toMatch(/2 +the config is invalid/);
    expect(r.stdout).toContain("a failed run leaves the previous output as it was");
    // Every module synth writes, each on its own line (the list is generated from the registry).
    const listed = [...r.stdout.matchAll(/<out>\/modules\/([a-z-]+)\/ +vendorable module: \S/g)].map((m) => m[1]);
    expect(listed).toEqual(MODULE_NAMES);
  });

  test("--version prints the package version", () => {
    expect(cli(["--version"]).stdout.trim()).toBe(VERSION);
  });

  test("an unknown command or option is a usage error (64) that points to --help", () => {
    for (const args of [["deploy"], ["synth", "--outdir", "x"], ["validate", "--json", "--quiet"]]) {
      const r = cli(args);
      expect({ args, status: r.status }).toEqual({ args, status: 64 });
      expect(r.stderr).toContain("error:");
    }
  });
});

describe("init", () => {
  test("writes a commented starter config that is valid as written and equals the example organization", () => {
    const dir = tempDir("init");
    const r = cli(["init"], dir);
    expect(r.status).toBe(0);
    const file = join(dir, "orgtrail.yaml");
    const text = readFileSync(file, "utf8");
    expect(text.split("\n").filter((l) => l.trim().startsWith("#")).length).toBeGreaterThan(20);
    expect(loadConfig(file)).toEqual(loadConfig());
    expect(cli(["validate"], dir).status).toBe(0);
    // The schema its first line names, beside it: what `orgtrail schema` prints.
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./orgtrail.schema.json");
    expect(readdirSync(dir).sort()).toEqual(["orgtrail.schema.json", "orgtrail.yaml"]);
    expect(readFileSync(join(dir, "orgtrail.schema.json"), "utf8")).toBe(cli(["schema"]).stdout);
  });

  test("fills in the values given as options", () => {
    const dir = tempDir("init");
    const r = cli(["init", "org.yaml", "--org-id", "o-a1b2c3d4e5", "--management-account-id", "012345678901", "--home-region", "eu-west-1", "--log-archive-account-id", "210987654321", "--bucket-name", "acme-logs", "--trail-name", "acme-trail", "--json"], dir);
    expect(JSON.parse(r.stdout)).toMatchObject({ command: "init", ok: true, exitCode: 0, file: "org.yaml", written: true });
    const c = loadConfig(join(dir, "org.yaml"));
    expect(c.organization).toMatchObject({ id: "o-a1b2c3d4e5", managementAccountId: "012345678901", homeRegion: "eu-west-1" });
    expect([c.logArchive.accountId, c.logArchive.bucketName, c.trail.name]).toEqual(["210987654321", "acme-logs", "acme-trail"]);
  });

  test("never overwrites an existing file without --force (exit 3, file unchanged)", () => {
    const { dir, file } = configFile("my: notes\n", "orgtrail.yaml");
    const r = cli(["init"], dir);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("orgtrail.yaml exists: refusing to replace it (use --force to overwrite it)");
    expect(readFileSync(file, "utf8")).toBe("my: notes\n");
    expect(readdirSync(dir)).toEqual(["orgtrail.yaml"]);
    expect(cli(["init", "--force", "--quiet"], dir)).toEqual({ status: 0, stdout: "", stderr: "" });
    expect(loadConfig(file)).toEqual(loadConfig());
  });

  test("bad values given as options are config errors (exit 2) and nothing is written", () => {
    const dir = tempDir("init");
    const r = cli(["init", "--org-id", "org-1", "--bucket-name", "Bad_Bucket"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("organization.id: must be an AWS Organizations ID");
    expect(r.stderr).toContain("logArchive.bucketName: must contain only lowercase letters");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("validate", () => {
  test("a region typo with one clear match is an error with 'did you mean'; an unknown region near several stays a warning", () => {
    const typo = cli(["validate", configFile(GOOD.replace("eu-west-1", "eu-wset-1")).file]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('  - organization.homeRegion: is not a known region; did you mean eu-west-1? (got "eu-wset-1")');
    const unknown = cli(["validate", configFile(GOOD.replace("eu-west-1", "eu-west-9")).file]);
    expect(unknown.status).toBe(0);
    expect(unknown.stderr).toContain("did you mean eu-west-1, eu-west-2 or eu-west-3? (got \"eu-west-9\")");
  });

  test("warnings are shown with the errors, not lost to them (human and JSON)", () => {
    const { file } = configFile(GOOD.replace("acme-org-trail-logs", "logs.acme.example").replace("o-a1b2c3d4e5", "o-1"));
    const human = cli(["validate", file]);
    expect(human.status).toBe(2);
    expect(human.stderr).toContain(`${file}: 1 warning (nothing fails because of them)\n  - logArchive.bucketName: should not contain periods`);
    expect(human.stderr).toContain("  - organization.id: must be an AWS Organizations ID");
    const doc = JSON.parse(cli(["validate", "--json", file]).stdout);
    expect(doc.warnings.map((w: { path: string }) => w.path)).toEqual(["logArchive.bucketName"]);
  });

  test("problems carry file:line and name list elements by their key", () => {
    const text = GOOD.replace("acme-org-trail-logs", "Bad_Bucket") + "thirdPartyReaders:\n  - name: ExternalAuditor\n    accountId: '999999999999'\n    externalId: x\n";
    const { file } = configFile(text);
    const r = cli(["validate", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`  - logArchive.bucketName: must contain only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit (got "Bad_Bucket") at ${file}:6\n`);
    expect(r.stderr).toContain(`  - thirdPartyReaders[ExternalAuditor].externalId: must be 2 to 1224 characters long (got "x") at ${file}:12`);
    const doc = JSON.parse(cli(["validate", "--json", file]).stdout);
    expect(doc.problems.map((p: { path: string; at: string }) => [p.path, p.at])).toEqual([
      ["logArchive.bucketName", `${file}:6`],
      ["thirdPartyReaders[ExternalAuditor].externalId", `${file}:12`],
    ]);
  });

  test("a config given both as the argument and with --config is a usage error (exit 64), not a silent choice", () => {
    const { file } = configFile(GOOD);
    const r = cli(["validate", file, "--config", "other.yaml"]);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain(`a config given twice: ${file} (argument) and other.yaml (--config); give one`);
  });

  test("a good config: exit 0, the verdict and the policy sizes on stdout, progress on stderr", () => {
    const { file } = configFile(GOOD);
    const r = cli(["validate", file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${file}: valid`);
    expect(r.stdout).toMatch(/log archive bucket policy +\d+ \/ 20480 bytes/);
    expect(r.stderr).toContain(`orgtrail validate: reading ${file}`);
  });

  test("a bad config in the human format: one line per problem with path, rule and value", () => {
    const { file } = configFile(GOOD.replace("acme-org-trail-logs", "Acme..Logs").replace("o-a1b2c3d4e5", "o-1") + "trial:\n  name: x\n");
    const r = cli(["validate", "--config", file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: 4 problems\n`);
    expect(r.stderr).toContain('  - organization.id: must be an AWS Organizations ID: o- followed by 10 to 32 lowercase letters or digits (got "o-1")');
    expect(r.stderr).toContain('  - logArchive.bucketName: must contain only lowercase letters, digits, dots and hyphens, and begin and end with a letter or digit (got "Acme..Logs")');
    expect(r.stderr).toContain('  - logArchive.bucketName: must not contain two adjacent periods or a period next to a hyphen (got "Acme..Logs")');
    expect(r.stderr).toContain("  - trial: is not a known setting; did you mean trail?");
    expect(r.stderr).not.toContain("Nothing was written");
  });

  test("warnings are reported and fail nothing, also with --quiet (on stderr only); --json carries them", () => {
    const text = GOOD.replace("acme-org-trail-logs", "logs.acme.example").replace("name: acme-trail", "name: acme-trail\n  multiRegion: false").replace("eu-west-1", "eu-west-9");
    const { file } = configFile(text);
    const human = cli(["validate", file]);
    expect(human.status).toBe(0);
    expect(human.stderr).toContain(`${file}: 3 warnings (nothing fails because of them)`);
    expect(human.stderr).toContain('  - logArchive.bucketName: should not contain periods: HTTPS to the virtual-hosted endpoint');
    expect(human.stderr).toContain("  - trail.multiRegion: is off: the trail records events of its home region only");
    expect(human.stderr).toContain('  - organization.homeRegion: should be a region AWS has launched');
    expect(human.stdout).toContain("valid, with 3 warnings");
    const quiet = cli(["validate", "--quiet", file]);
    expect(quiet).toEqual({ status: 0, stdout: "", stderr: expect.stringContaining(`${file}: 3 warnings (nothing fails because of them)`) });
    expect(quiet.stderr).toContain("  - trail.multiRegion: is off");
    const synth = cli(["synth", "--quiet", "--config", file, "--out", join(dirname(file), "quiet-out")]);
    expect(synth).toEqual({ status: 0, stdout: "", stderr: expect.stringContaining("  - organization.homeRegion: should be a region AWS has launched") });
    const json = cli(["validate", "--json", file]);
    expect(json.stderr).toBe("");
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({ command: "validate", ok: true, exitCode: 0, problems: [] });
    expect(doc.warnings.map((w: { path: string }) => w.path).sort()).toEqual(["logArchive.bucketName", "organization.homeRegion", "trail.multiRegion"]);
  });

  test("without --config it reads ./orgtrail.yaml, else the embedded example", () => {
    const { dir } = configFile(GOOD, "orgtrail.yaml");
    expect(cli(["validate"], dir).stdout).toContain("orgtrail.yaml: valid");
    const empty = tempDir("cli");
    const r = cli(["validate"], empty);
    expect(r.stdout).toContain("embedded example: valid");
    expect(r.stderr).toContain("using the embedded example organization");
  });
});

describe("synth", () => {
  test("human: progress on stderr, a scannable summary on stdout", () => {
    const out = join(tempDir("synth"), "out");
    const r = cli(["synth", "--out", out]);
    expect(r.status).toBe(0);
    expect(r.stderr.trim().split("\n").map((l) => l.replace(/^orgtrail synth: /, ""))).toEqual([
      "no --config and no ./orgtrail.yaml: using the embedded example organization (orgtrail init writes a config to edit)",
      "checking policy sizes against the AWS limits",
      "synthesizing the deploy stack org-cloudtrail",
      ...MODULE_NAMES.map((m) => `writing the vendorable module ${m}`),
      `replacing ${out}`,
    ]);
    expect(r.stdout).toMatch(new RegExp(`^Wrote ${Object.keys(tree(out)).length} files to ${out} in \\d+\\.\\d\\d s \\(config: embedded example\\)\\n`));
    expect(r.stdout).toMatch(/ {2}modules\/organization-trail +\d+ resources?\n/);
    expect(r.stdout).toMatch(/ {2}trail KMS key policy +\d+ \/ 32768 bytes \(\d+\.\d%\)/);
  });

  test("--quiet prints nothing on success; --json prints one document with files, resources, policy sizes", () => {
    const dir = tempDir("synth");
    // Even --quiet says that the Terraform is the embedded example's, on stderr.
    expect(cli(["synth", "--quiet", "--out", join(dir, "q")])).toEqual({
      status: 0,
      stdout: "",
      stderr: "orgtrail synth: no --config and no ./orgtrail.yaml: using the embedded example organization (orgtrail init writes a config to edit)\n",
    });
    const r = cli(["synth", "--json", "--out", join(dir, "j")]);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ command: "synth", ok: true, exitCode: 0, config: "embedded example", outDir: join(dir, "j"), written: true, warnings: [] });
    expect(doc.files).toEqual(expect.arrayContaining([".orgtrail-output", "stacks/org-cloudtrail/cdk.tf.json", "modules/log-archive/main.tf.json"]));
    expect(doc.resources).toEqual(Object.fromEntries([["stacks/org-cloudtrail", expect.any(Number)], ...MODULE_NAMES.map((m) => [`modules/${m}`, expect.any(Number)])]));
    expect(doc.files).toEqual(Object.keys(tree(join(dir, "j"))).sort());
    for (const p of doc.policies) expect(p.size).toBeLessThanOrEqual(p.limit);
    expect(doc.policies.map((p: { name: string }) => p.name)).toEqual(["log archive bucket policy", "trail KMS key policy", "access-log bucket policy"]);
    // Same output whichever way it was reported.
    expect(tree(join(dir, "j"))).toEqual(tree(join(dir, "q")));
  });

  test("npm run synth's default: the embedded example into ./cdktf.out", () => {
    const dir = tempDir("synth");
    expect(cli(["synth", "--quiet"], dir).status).toBe(0);
    expect(readdirSync(join(dir, "cdktf.out")).sort()).toEqual([".orgtrail-output", "manifest.json", "modules", "stacks"]);
  });
});

describe("schema and rules", () => {
  test("schema prints the committed JSON Schema", () => {
    expect(cli(["schema"]).stdout).toBe(readFileSync(join(ROOT, "schema", "orgtrail.schema.json"), "utf8"));
  });

  test("schema --out writes a file, replaces an earlier schema, and refuses any other file", () => {
    const dir = tempDir("schema");
    const file = join(dir, "orgtrail.schema.json");
    expect(cli(["schema", "--out", file]).status).toBe(0);
    expect(cli(["schema", "--out", file]).status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).title).toBe("orgtrail configuration");
    const other = join(dir, "package.json");
    writeFileSync(other, "{}\n");
    const r = cli(["schema", "--out", other]);
    expect(r.status).toBe(3);
    expect(readFileSync(other, "utf8")).toBe("{}\n");
    expect(readdirSync(dir).sort()).toEqual(["orgtrail.schema.json", "package.json"]);
  });

  test("rules lists every rule set with its source, and every cross-field rule", () => {
    const r = cli(["rules"]);
    expect(r.status).toBe(0);
    for (const { name, source } of ruleSets()) expect(r.stdout).toContain(`  ${name}: ${source}`);
    const doc = JSON.parse(cli(["rules", "--json"]).stdout);
    expect(doc.rules.map((x: { name: string }) => x.name)).toEqual(ruleSets().filter((s) => !s.advice).map((s) => s.name));
    expect(doc.advice.map((x: { name: string }) => x.name)).toEqual(ruleSets().filter((s) => s.advice).map((s) => s.name));
    expect(doc.crossField.length).toBeGreaterThanOrEqual(10);
    // Cross-field rules are listed from the concepts' rule objects, with where each is enforced.
    const objects = CONCEPTS.flatMap((c) => c.crossFieldRules ?? []);
    expect(doc.crossField.map((x: { rule: string }) => x.rule)).toEqual(objects.map((o) => o.rule));
    for (const o of objects) expect(r.stdout).toContain(`  - ${o.rule}\n    ${o.source}\n    enforced by: ${enforcedBy(o).join("; ")}`);
    expect(doc.crossField.find((x: { rule: string }) => x.rule.startsWith("organization.delegatedAdminAccountId")).enforcedBy).toEqual(["config check", "organization-trail module (aws_cloudtrail.organization)"]);
  });
});
