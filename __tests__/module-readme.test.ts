import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ResolvedDocument } from "../modules/shared/document";
import { measure, type LimitKind } from "../modules/shared/limits";
import { buildModules } from "../stacks/build-module";
import { plannedAccessPolicies, vendorAccessModules } from "./helpers/access";
import { vendorModules } from "./helpers/plans";
import { config, readTf, synthTo } from "./helpers/synth";
import { initAndPlan, OFFLINE_PROVIDER, terraform, workdir, type Plan } from "./helpers/terraform";

const out = synthTo(config());
const NAMES = buildModules(mkdtempSync(join(tmpdir(), "orgtrail-readme-"))).map((m) => m.name);
const ACCESS = ["member-reader-roles", "third-party-readers", "cloudtrail-user-policies", "trail-guardrail"];

const readmeOf = (name: string) => readFileSync(join(out, "modules", name, "README.md"), "utf8");
const sectionOf = (readme: string, title: string) => readme.split(`## ${title}\n`)[1]?.split("\n## ")[0] ?? "";
const usageOf = (name: string) => /```hcl\n([\s\S]*?)```/.exec(sectionOf(readmeOf(name), "Usage"))![1];

test("every module has a README", () => {
  expect(NAMES).toEqual(expect.arrayContaining(["log-archive", "organization-trail", ...ACCESS]));
});

describe.each(NAMES)("generated README of %s", (name) => {
  const dir = join(out, "modules", name);
  const readme = readmeOf(name);
  const section = (title: string) => sectionOf(readme, title);

  test("documents every input with its type, default and requirement, in declaration order", () => {
    const variables = readTf(join(dir, "variables.tf.json")).variable!;
    const rows = section("Inputs").split("\n").filter((l) => l.startsWith("| `"));
    expect(rows.map((r) => /^\| `([a-z0-9_]+)`/.exec(r)![1])).toEqual(Object.keys(variables));
    for (const row of rows) {
      const [n, type, , required] = row.slice(2).split(" | ");
      const v = variables[n.replace(/`/g, "")];
      expect(type).toBe(`\`${String(v.type).replace(/\s+/g, " ")}\``);
      expect(required).toBe("default" in v ? "no" : "yes");
    }
  });

  test("documents every output and every resource", () => {
    const outputs = Object.keys(readTf(join(dir, "outputs.tf.json")).output!);
    for (const o of outputs) expect(section("Outputs")).toContain(`| \`${o}\` |`);
    const main = readTf(join(dir, "main.tf.json"));
    for (const [type, byName] of Object.entries(main.resource)) for (const n of Object.keys(byName)) expect(section("Resources")).toContain(`\`${type}.${n}\``);
  });

  test("has a usage snippet with every required input, terraform fmt clean", () => {
    const variables = readTf(join(dir, "variables.tf.json")).variable!;
    const usage = section("Usage");
    for (const [n, v] of Object.entries(variables)) if (!("default" in v)) expect(usage).toMatch(new RegExp(`\\n  ${n} +=`));
    const fmt = terraform(dir, ["fmt", "-check", "-no-color", "-"], usageOf(name));
    expect({ status: fmt.status, stderr: fmt.stderr }).toEqual({ status: 0, stderr: "" });
  });
});

test("the log-archive README states the access contract and each policy's size against its limit", () => {
  const readme = readmeOf("log-archive");
  expect(readme).toMatch(/## Who may do what[\s\S]*Never another member's folder/);
  expect(readme).toMatch(/\| log archive bucket policy \| \d+ bytes \| 20480 \|/);
  expect(readme).toMatch(/\| trail KMS key policy \| \d+ bytes \| 32768 \|/);
});

describe.each(ACCESS)("access module README of %s", (name) => {
  const readme = readmeOf(name);

  test("states who may do what, and each policy's size", () => {
    expect(sectionOf(readme, "Who may do what").split("\n").filter((l) => l.startsWith("- ")).length).toBeGreaterThanOrEqual(3);
    expect(sectionOf(readme, "Policy sizes")).toMatch(/\| \d+ characters \| \d+ \| \d+\.\d %/);
  });

  test("documents the CKV_AWS_61 waiver exactly where a trust names an account root", () => {
    const rootTrust = readFileSync(join(out, "modules", name, "main.tf.json"), "utf8").includes(":root");
    expect([name, sectionOf(readme, "Notes").includes("CKV_AWS_61")]).toEqual([name, rootTrust]);
  });
});

describe("the usage snippets, together in one root with the modules vendored (offline plan)", () => {
  let plan: Plan;
  beforeAll(() => {
    const root = workdir("readme-usage");
    vendorModules(out, root);
    // Every module whose snippet is in the root, not only the access modules.
    vendorAccessModules(out, root, NAMES);
    writeFileSync(join(root, "providers.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1", ...OFFLINE_PROVIDER }, { alias: "log_archive", region: "us-east-1", ...OFFLINE_PROVIDER }] } }));
    writeFileSync(join(root, "main.tf"), NAMES.map(usageOf).join("\n"));
    plan = initAndPlan(root);
  });

  test("every module of a snippet plans resources", () => {
    const planned = new Set(plan.resources.map((r) => r.address.split(".")[1]));
    expect([...planned].sort()).toEqual(NAMES.map((n) => n.replace(/-/g, "_")).sort());
  });

  const KIND = (policy: string): LimitKind => (/ trust$/.test(policy) ? "trustPolicy" : / inline$/.test(policy) ? "inlinePoliciesPerRole" : /SCP$/.test(policy) ? "scp" : /RCP$/.test(policy) ? "rcp" : "managedPolicy");

  test.each(ACCESS)("%s: the README's policy sizes are those of the documents its snippet plans", (name) => {
    const ofModule: Plan = { ...plan, resources: plan.resources.filter((r) => r.address.startsWith(`module.${name.replace(/-/g, "_")}.`)) };
    const measured = Object.entries(plannedAccessPolicies(ofModule)).map(([policy, doc]) => {
      const r = measure(policy, doc as ResolvedDocument, KIND(policy));
      return `| ${r.name} | ${r.size} ${r.unit} | ${r.limit} |`;
    });
    const rows = sectionOf(readmeOf(name), "Policy sizes")
      .split("\n")
      .filter((l) => /^\| .+ \| \d+ characters \|/.test(l))
      .map((l) => l.replace(/ \d+\.\d % \|$/, ""));
    expect(measured.length).toBeGreaterThan(0);
    expect(rows.sort()).toEqual(measured.sort());
  });
});
