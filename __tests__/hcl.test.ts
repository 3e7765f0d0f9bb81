import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asHcl, assertHclEquivalent } from "../stacks/hcl";
import { buildModules } from "../stacks/build-module";
import { terraform, workdir } from "./helpers/terraform";

const CLI = join(__dirname, "..", "dist", "cli", "index.js");
const modules = buildModules(mkdtempSync(join(tmpdir(), "orgtrail-hcl-test-")));
const out = join(mkdtempSync(join(tmpdir(), "orgtrail-hcl-out-")), "out");
execFileSync("node", [CLI, "synth", "--format", "both", "-o", out], { encoding: "utf8" });

describe.each(modules.map((m) => [m.name, m] as const))("HCL output of %s", (name, m) => {
  const hcl = asHcl(m.files);

  test("parses back (hcl2json) to the same structure as the JSON synthesis", async () => {
    await expect(assertHclEquivalent(m.files, hcl, name)).resolves.toBeUndefined();
  });

  test("the round trip fails, naming the file, when the HCL says something else", async () => {
    const tampered = { ...hcl, "variables.tf": hcl["variables.tf"].replace(/type( +)= string/, "type$1= number") };
    await expect(assertHclEquivalent(m.files, tampered, name)).rejects.toThrow(/variables\.tf: \.variable\.[a-z_]+\.type/);
  });

  test("avoids cdktf's HCL bugs: keeps null and falsy defaults, nullable = false and required_version", () => {
    expect(hcl["versions.tf"]).toContain('required_version = ">= 1.5"');
    const variables = hcl["variables.tf"];
    expect(variables).toMatch(/nullable += false/);
    if (name === "log-archive") {
      expect(variables).toMatch(/variable "s3_key_prefix" \{[^}]*default += null/);
      expect(variables).toMatch(/variable "tags" \{[^}]*default += \{\}/);
    }
  });

  /**
   * The round trip above proves each HCL module the same structure as its JSON twin, whose shipped tests run in
   * module-tftest.test.ts; here Terraform itself reads the HCL: fmt and validate for every module, and the shipped
   * tests once more for log-archive (the module with the most HCL to get wrong: preconditions, nulls, dynamic blocks).
   */
  test(`is terraform fmt clean and validates${name === "log-archive" ? ", and passes the module's shipped terraform tests" : ""}`, () => {
    const dir = workdir(`hcl-${name}`, join(out, "modules-hcl", name));
    expect(readdirSync(dir).filter((f) => f.endsWith(".tf.json"))).toEqual([]);
    const fmt = terraform(dir, ["fmt", "-check", "-recursive", "-no-color"]);
    expect({ fmt: fmt.stdout, status: fmt.status }).toEqual({ fmt: "", status: 0 });
    expect(terraform(dir, ["init", "-input=false", "-no-color"]).status).toBe(0);
    expect(terraform(dir, ["validate", "-no-color"]).stdout).toContain("Success!");
    if (name !== "log-archive") return;
    const run = terraform(dir, ["test", "-no-color"]);
    expect(run.stdout).toMatch(/Success! \d+ passed, 0 failed\./);
  });
});

describe("synth --format", () => {
  test("both: JSON modules in modules/ and HCL modules in modules-hcl/, with the same README and tests", () => {
    for (const m of modules) {
      expect(existsSync(join(out, "modules", m.name, "main.tf.json"))).toBe(true);
      expect(existsSync(join(out, "modules-hcl", m.name, "main.tf"))).toBe(true);
      expect(readFileSync(join(out, "modules-hcl", m.name, "README.md"), "utf8")).toBe(readFileSync(join(out, "modules", m.name, "README.md"), "utf8"));
    }
  });

  test("hcl: only *.tf files in modules/", () => {
    const hclOut = join(mkdtempSync(join(tmpdir(), "orgtrail-hcl-only-")), "out");
    execFileSync("node", [CLI, "synth", "--format", "hcl", "-o", hclOut], { encoding: "utf8" });
    const files = readdirSync(join(hclOut, "modules", "log-archive"));
    expect(files.filter((f) => f.endsWith(".tf")).sort()).toEqual(["main.tf", "outputs.tf", "variables.tf", "versions.tf"]);
    expect(files.filter((f) => f.endsWith(".tf.json"))).toEqual([]);
    expect(existsSync(join(hclOut, "modules-hcl"))).toBe(false);
  });

  test("an unknown format is refused before anything is written", () => {
    const target = join(mkdtempSync(join(tmpdir(), "orgtrail-hcl-bad-")), "out");
    const r = spawnSync("node", [CLI, "synth", "--format", "xml", "-o", target], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/argument 'xml' is invalid/);
    expect(existsSync(target)).toBe(false);
  });
});
