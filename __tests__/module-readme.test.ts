import { readFileSync } from "node:fs";
import { join } from "node:path";
import { config, readTf, synthTo } from "./helpers/synth";

const out = synthTo(config());

describe.each(["log-archive", "organization-trail"])("generated README of %s", (name) => {
  const dir = join(out, "modules", name);
  const readme = readFileSync(join(dir, "README.md"), "utf8");
  const section = (title: string) => readme.split(`## ${title}\n`)[1]?.split("\n## ")[0] ?? "";

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

  test("has a usage snippet with every required input", () => {
    const variables = readTf(join(dir, "variables.tf.json")).variable!;
    const usage = section("Usage");
    for (const [n, v] of Object.entries(variables)) if (!("default" in v)) expect(usage).toMatch(new RegExp(`\\n  ${n} +=`));
  });
});

test("the log-archive README states the access contract and each policy's size against its limit", () => {
  const readme = readFileSync(join(out, "modules", "log-archive", "README.md"), "utf8");
  expect(readme).toMatch(/## Who may do what[\s\S]*Never another member's folder/);
  expect(readme).toMatch(/\| log archive bucket policy \| \d+ bytes \| 20480 \|/);
  expect(readme).toMatch(/\| trail KMS key policy \| \d+ bytes \| 32768 \|/);
});
