import { parse } from "@cdktf/hcl2json";
import { isDeepStrictEqual } from "node:util";
import type { ModuleFiles } from "../to-module";
import { interpolation } from "../../modules/shared/value";

/**
 * Proves HCL output equivalent to the JSON it was written from: parse it back with @cdktf/hcl2json and compare
 * structurally. Both sides are normalized for what the two syntaxes spell differently but mean the same: a single
 * block is an object in JSON and a one-element list in HCL; `${expr}` and a bare `expr` are one expression.
 */
export async function assertHclEquivalent(json: ModuleFiles, hcl: ModuleFiles, where: string): Promise<void> {
  const problems: string[] = [];
  for (const [file, text] of Object.entries(json)) {
    if (!file.endsWith(".tf.json")) continue;
    const hclFile = file.replace(/\.tf\.json$/, ".tf");
    if (!(hclFile in hcl)) {
      problems.push(`${hclFile} is missing`);
      continue;
    }
    const fromJson = normalize(JSON.parse(text));
    const fromHcl = normalize(await parse(hclFile, hcl[hclFile]));
    if (!isDeepStrictEqual(fromJson, fromHcl)) problems.push(`${hclFile}: ${firstDifference(fromJson, fromHcl)}`);
  }
  if (problems.length) {
    throw new Error(`HCL output of ${where} is not equivalent to its JSON, so it is not offered:\n  ${problems.join("\n  ")}`);
  }
}

export function normalize(v: unknown): unknown {
  if (Array.isArray(v)) {
    if (v.length === 1 && v[0] && typeof v[0] === "object" && !Array.isArray(v[0])) return normalize(v[0]);
    return v.map(normalize);
  }
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, normalize((v as Record<string, unknown>)[k])]),
    );
  }
  if (typeof v === "string") return interpolation(v) ?? v;
  return v;
}

function firstDifference(a: unknown, b: unknown, path = ""): string {
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const x = (a as Record<string, unknown>)[k];
      const y = (b as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${k}`);
    }
  }
  return `${path || "(root)"}: JSON has ${JSON.stringify(a)?.slice(0, 200)}, HCL has ${JSON.stringify(b)?.slice(0, 200)}`;
}
