import { readFileSync } from "node:fs";
import { extname } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { EXAMPLE_CONFIG } from "./example";
import { configSchema, type Config } from "./schema";

/** One problem in a config: where, what was given, which rule it breaks. */
export interface Problem {
  readonly path: string;
  readonly value?: unknown;
  readonly message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly Problem[],
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` + problems.map(formatProblem).join("\n"));
    this.name = "ConfigError";
  }
}

export function formatProblem(p: Problem): string {
  const got = p.value === undefined ? "" : ` (got ${JSON.stringify(p.value)})`;
  return `  - ${p.path || "(config)"}: ${p.message}${got}`;
}

/** Validates a config object; throws ConfigError listing every problem at once. */
export function parseConfig(input: unknown, source = "config"): Config {
  const result = configSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(source, toProblems(result.error.issues, input));
}

/** Loads and validates a YAML or JSON config file, or the embedded example when no path is given. */
export function loadConfig(path?: string): Config {
  if (!path) return parseConfig(EXAMPLE_CONFIG, "embedded example");
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigError(path, [{ path: "", message: `cannot be read: ${(e as Error).message}` }]);
  }
  let data: unknown;
  try {
    data = extname(path) === ".json" ? JSON.parse(text) : YAML.parse(text, { prettyErrors: true });
  } catch (e) {
    throw new ConfigError(path, [{ path: "", message: `is not valid ${extname(path) === ".json" ? "JSON" : "YAML"}: ${(e as Error).message}` }]);
  }
  return parseConfig(data ?? {}, path);
}

function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const hint = closest(key, known);
        problems.push({
          path: path ? `${path}.${key}` : key,
          message: `is not a known setting${hint ? `; did you mean ${hint}?` : ""} (known here: ${known.join(", ")})`,
        });
      }
      continue;
    }
    const value = "input" in issue ? issue.input : valueAt(input, issue.path);
    const message = issue.code === "invalid_type" && value === undefined ? "is required" : issue.message;
    problems.push({ path, value, message });
  }
  return problems;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** The keys the schema accepts at a path, for "did you mean" hints. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: unknown = configSchema;
  for (const k of path) {
    schema = unwrap(schema);
    const { shape, element } = schema as { shape?: Record<string, unknown>; element?: unknown };
    // A list's index leads to its element's schema (e.g. memberRoles.0).
    schema = typeof k === "number" ? element : shape?.[String(k)];
  }
  const shape = (unwrap(schema) as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { innerType?: unknown; in?: unknown; schema?: unknown }; shape?: unknown } | undefined;
  while (s && !s.shape && s.def) {
    const next = s.def.innerType ?? s.def.in ?? s.def.schema;
    if (!next) break;
    s = next as typeof s;
  }
  return s;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
