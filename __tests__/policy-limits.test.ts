import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/schema";
import { escapeTemplate, unescapeTemplate } from "../modules/shared/hcl";
import { terraformPolicySize } from "../modules/shared/size-precondition";
import { LIMITS, PolicyTooLargeError, policySize, type LimitKind } from "../modules/shared/limits";
import type { ResolvedDocument } from "../modules/shared/document";
import { buildModules } from "../stacks/build-module";
import { policiesOf, policySizes } from "../stacks/policy-sizes";
import { synthesize } from "../stacks/synth";
import { planBatchFailure } from "./helpers/batch-plan";
import { deployStack, synthTo } from "./helpers/synth";
import { mustTerraform, workdir } from "./helpers/terraform";
import { SHAPES } from "./proof/shapes";

/**
 * Size limits (design.md §1): at synth for literal configs, as `lifecycle.precondition`s in the vendorable modules.
 *
 * A config the schema accepts cannot reach the bucket or key policy limits today (the largest inputs, a 2,048-
 * character ARN pattern and a 256-character tag value, give about 9 KB), so these tests drive the size through the
 * member principal tag value, outside the schema: the config object is built directly, and the module variable
 * `member_principal_tag` has no length rule.
 */
const base = SHAPES.find((s) => s.name === "tag_narrowing")!.config;
const withTagValue = (length: number): Config => ({ ...base, memberAccess: { ...base.memberAccess, principalTag: { key: "team", value: "x".repeat(length) } } });
const sizeOf = (c: Config, name: string) => policySizes(c).find((r) => r.name === name)!.size;

/** The longest tag value that keeps the document within its limit. */
function longestWithin(name: string, kind: LimitKind): number {
  let lo = 0;
  let hi = LIMITS[kind].limit;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sizeOf(withTagValue(mid), name) <= LIMITS[kind].limit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const BUCKET = "log archive bucket policy";
const KEY = "trail KMS key policy";
const bucketEdge = longestWithin(BUCKET, "bucketPolicy");
const keyEdge = longestWithin(KEY, "keyPolicy");

test("the edges are where the tests think they are", () => {
  expect(sizeOf(withTagValue(bucketEdge), BUCKET)).toBeGreaterThanOrEqual(LIMITS.bucketPolicy.limit - 1);
  expect(sizeOf(withTagValue(bucketEdge + 1), BUCKET)).toBeGreaterThan(LIMITS.bucketPolicy.limit);
  expect(sizeOf(withTagValue(keyEdge), KEY)).toBeGreaterThanOrEqual(LIMITS.keyPolicy.limit - 1);
  expect(sizeOf(withTagValue(keyEdge + 1), KEY)).toBeGreaterThan(LIMITS.keyPolicy.limit);
});

describe("at synth, for literal configs", () => {
  test("every policy document in the deploy stack is one that synth measures", () => {
    for (const { config } of SHAPES) {
      const measured = policiesOf(config).map((p) => JSON.stringify(p.document));
      const found = policyDocumentsIn(deployStack(config)).map((d) => JSON.stringify(d));
      expect(found.length).toBeGreaterThan(0);
      expect(found.filter((d) => !measured.includes(d))).toEqual([]);
    }
  });

  test("just under the bucket policy limit: written", () => {
    const out = synthTo(withTagValue(bucketEdge));
    expect(existsSync(join(out, "stacks"))).toBe(true);
  });

  test("just over the bucket policy limit: an error naming the document, its size and the limit; nothing written", () => {
    const parent = workdir("limits");
    const out = join(parent, "out");
    const c = withTagValue(bucketEdge + 1);
    expect(() => synthesize(c, out)).toThrow(PolicyTooLargeError);
    expect(() => synthesize(c, out)).toThrow(`${BUCKET}: ${sizeOf(c, BUCKET)} bytes exceeds the AWS limit of 20480 bytes`);
    expect(readdirSync(parent)).toEqual([]);
  });

  test("an over-limit config leaves a previous output untouched", () => {
    const out = synthTo(base);
    const before = readFileSync(join(out, "stacks", "org-cloudtrail", "cdk.tf.json"), "utf8");
    expect(() => synthesize(withTagValue(bucketEdge + 1), out)).toThrow(PolicyTooLargeError);
    expect(readFileSync(join(out, "stacks", "org-cloudtrail", "cdk.tf.json"), "utf8")).toBe(before);
  });

  test("the key policy: just under is not reported, just over is (every document over its limit is named at once)", () => {
    const message = (n: number) => {
      try {
        synthesize(withTagValue(n), join(workdir("limits"), "out"));
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("expected an error: the bucket policy is over its limit at these sizes");
    };
    expect(message(keyEdge)).not.toMatch(KEY);
    expect(message(keyEdge + 1)).toMatch(`${KEY}: ${sizeOf(withTagValue(keyEdge + 1), KEY)} bytes exceeds the AWS limit of 32768 bytes for a keyPolicy`);
    expect(message(keyEdge + 1)).toMatch(BUCKET);
  });
});

describe("in the vendorable modules, at plan time", () => {
  test("every policy built from variables carries a size precondition", () => {
    const modules = buildModules(workdir("modules"));
    let checked = 0;
    for (const m of modules) {
      const tf = JSON.parse(m.files["main.tf.json"]) as { resource?: Record<string, Record<string, Record<string, unknown>>> };
      for (const [type, byName] of Object.entries(tf.resource ?? {})) {
        for (const [name, r] of Object.entries(byName)) {
          for (const attribute of POLICY_ATTRIBUTES.filter((a) => typeof r[a] === "string" && (r[a] as string).startsWith("${"))) {
            checked++;
            const preconditions = ((r.lifecycle as { precondition?: { condition: string }[] } | undefined)?.precondition ?? []).map((p) => p.condition);
            expect([`${type}.${name}.${attribute}`, preconditions.some((c) => c.includes(`${(r[attribute] as string).slice(2, -1)}`))]).toEqual([`${type}.${name}.${attribute}`, true]);
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  test("Terraform measures each kind of document as AWS counts it (bytes, characters, non-whitespace characters)", () => {
    const doc = { Version: "2012-10-17", Statement: [{ Sid: "Ünïcödé", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/a b\tc/*", Condition: { StringEquals: { "aws:PrincipalTag/t": "v with spaces ${x}" } } }] } as unknown as ResolvedDocument;
    const dir = workdir("console");
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals: { doc: escapeTemplate(JSON.stringify(doc)) } }));
    const kinds = Object.keys(LIMITS) as LimitKind[];
    // One expression: non-interactive `terraform console` prints the value of the last line only.
    const printed = mustTerraform(dir, ["console"], `jsonencode([${kinds.map((k) => terraformPolicySize("local.doc", k)).join(", ")}])\n`);
    expect(JSON.parse(JSON.parse(printed.trim()) as string)).toEqual(kinds.map((k) => policySize(doc, k)));
  });

  test("just under passes, just over fails naming the document, its size and the limit", () => {
    // One plan for the four instances (a plan costs seconds): Terraform evaluates every precondition and reports
    // every failure, so an instance without an error passed its checks.
    const module = (name: string, n: number) => ({ name, kind: "module" as const, config: withTagValue(n) });
    const errors = planBatchFailure([module("bucket_under", bucketEdge), module("bucket_over", bucketEdge + 1), module("key_under", keyEdge), module("key_over", keyEdge + 1)]);
    const message = (name: string, n: number, limit: number) => `The ${name} is ${sizeOf(withTagValue(n), name)} bytes, over the AWS limit of ${limit} bytes`;
    const details = errors.map((e) => e.detail);
    expect(errors.every((e) => e.summary === "Resource precondition failed")).toBe(true);
    expect(details.filter((d) => d.startsWith(message(BUCKET, bucketEdge + 1, 20480)))).toHaveLength(1);
    // The key instances' bucket policies are over too (the tag value appears twice there, once in the key policy).
    expect(details.filter((d) => d.startsWith(message(BUCKET, keyEdge, 20480)))).toHaveLength(1);
    expect(details.filter((d) => d.startsWith(message(BUCKET, keyEdge + 1, 20480)))).toHaveLength(1);
    expect(details.filter((d) => d.startsWith(message(KEY, keyEdge + 1, 32768)))).toHaveLength(1);
    expect(details).toHaveLength(4);
    expect(details.join("\n")).not.toContain(` is ${sizeOf(withTagValue(bucketEdge), BUCKET)} bytes`);
    expect(details.join("\n")).not.toContain(` is ${sizeOf(withTagValue(keyEdge), KEY)} bytes`);
  }, 300_000);
});

/** Attributes that hold an IAM policy document in the AWS provider's resources. */
const POLICY_ATTRIBUTES = ["policy", "assume_role_policy", "content", "policy_document"];

/** Every string in a Terraform JSON tree that is a policy document (a deploy stack's are literal, escaped JSON). */
function policyDocumentsIn(tf: unknown): unknown[] {
  const found: unknown[] = [];
  const walk = (v: unknown) => {
    if (typeof v === "string" && v.startsWith("{") && v.includes('"Statement"')) found.push(JSON.parse(unescapeTemplate(v)));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk((tf as { resource?: unknown }).resource);
  return found;
}
