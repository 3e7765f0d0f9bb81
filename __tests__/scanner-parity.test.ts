import { readFileSync } from "node:fs";
import { join } from "node:path";
import { config, deployStack, type TfJson } from "./helpers/synth";
import { SCANNER_RULES } from "./proof/scanner-rules";
import { SHAPES } from "./proof/shapes";

/**
 * Scanner parity (design.md §4): each checkov / trivy / CIS rule asserted on the synthesized deploy stack of several
 * config shapes. A resource that breaks a rule must be a deliberate exception written in docs/scanner-exceptions.md;
 * an exception that no longer happens must be removed from it.
 */
const STACKS: [string, TfJson][] = [
  ...SHAPES.map((s) => [s.name, deployStack(s.config)] as [string, TfJson]),
  ["object_lock", deployStack(config({ logArchive: { objectLock: { mode: "GOVERNANCE", retentionDays: 30 } } }))],
];

const DOC = readFileSync(join(__dirname, "..", "docs", "scanner-exceptions.md"), "utf8");
/** Rows of the exceptions table: rule IDs, resource address, reason. */
const EXCEPTIONS = DOC.split("## Exceptions")[1]
  .split("\n## ")[0]
  .split("\n")
  .filter((l) => /^\| *[A-Z]/.test(l) && !/^\| *Rule/.test(l))
  .map((l) => l.split("|").map((c) => c.trim()))
  .map(([, rules, resource, reason]) => ({ rules: rules.split(/,\s*/), resource: resource.replace(/`/g, ""), reason }));
const excepted = (id: string, address: string) => EXCEPTIONS.some((e) => e.rules.includes(id) && e.resource === address);

describe.each(SCANNER_RULES.map((r) => [r.ids.join(" / "), r] as const))("%s", (_, rule) => {
  test(`${rule.property}, or a written exception`, () => {
    const unexplained = STACKS.flatMap(([shape, tf]) => rule.violations(tf).filter((a) => !excepted(rule.ids[0], a)).map((a) => `${shape}: ${a}`));
    expect(unexplained).toEqual([]);
  });
});

describe("docs/scanner-exceptions.md", () => {
  test("every exception names a rule of design.md §4, a resource that still breaks it in some shape, and a reason", () => {
    expect(EXCEPTIONS.length).toBeGreaterThan(0);
    for (const e of EXCEPTIONS) {
      const rule = SCANNER_RULES.find((r) => r.ids[0] === e.rules[0]);
      expect([e.rules[0], rule !== undefined]).toEqual([e.rules[0], true]);
      const stillBroken = STACKS.some(([, tf]) => rule!.violations(tf).includes(e.resource));
      expect([e.rules.join(", "), e.resource, stillBroken]).toEqual([e.rules.join(", "), e.resource, true]);
      expect(e.reason.length).toBeGreaterThan(40);
    }
  });

  test("the README links it", () => {
    expect(readFileSync(join(__dirname, "..", "README.md"), "utf8")).toContain("docs/scanner-exceptions.md");
  });
});

describe("the rules on IAM documents find what they look for (no role or IAM policy is generated yet)", () => {
  const withIam = (statement: Record<string, unknown>, type = "aws_iam_role", attribute = "assume_role_policy"): TfJson => ({
    terraform: {},
    resource: { [type]: { sample: { [attribute]: JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", ...statement }] }) } } },
  });
  const rule = (id: string) => SCANNER_RULES.find((r) => r.ids.includes(id))!;

  test.each([
    ["CKV_AWS_60", withIam({ Principal: { AWS: "*" }, Action: "sts:AssumeRole" })],
    ["CKV_AWS_61", withIam({ Principal: { AWS: "arn:aws:iam::333333333333:root" }, Action: "sts:AssumeRole" })],
    ["CKV_AWS_62", withIam({ Action: "*", Resource: "*" }, "aws_iam_policy", "policy")],
    ["CKV_AWS_355", withIam({ Action: "s3:GetObject", Resource: "*" }, "aws_iam_role_policy", "policy")],
  ] as const)("%s", (id, tf) => {
    expect(rule(id).violations(tf)).toHaveLength(1);
    expect(rule(id).violations(withIam({ Principal: { AWS: "arn:aws:iam::333333333333:role/R" }, Action: "sts:AssumeRole" }))).toEqual([]);
  });
});
