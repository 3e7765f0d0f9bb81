import { readFileSync } from "node:fs";
import { extname } from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { EXAMPLE_CONFIG } from "./example";
import { CONCEPTS } from "../modules";
import { configSchema, type Config } from "./schema";
import { didYouMean, isRegionTypo, regionCandidates, REGION_PATHS } from "./regions";
import { configWarnings, inputWarnings } from "./warnings";

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
    /** Warnings the same config earns: shown with the errors, not lost to them. */
    readonly warnings: readonly Problem[] = [],
  ) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` + problems.map(formatProblem).join("\n"));
    this.name = "ConfigError";
  }
}

export function formatProblem(p: Problem): string {
  let got = p.value === undefined ? "" : JSON.stringify(p.value);
  if (got.length > 100) got = `${got.slice(0, 80)}… (${got.length} characters)`;
  return `  - ${p.path || "(top level)"}: ${p.message}${got ? ` (got ${got})` : ""}`;
}

/** Validates a config object; throws ConfigError listing every problem at once. */
export function parseConfig(input: unknown, source = "config"): Config {
  const result = configSchema.safeParse(input, { reportInput: true });
  const typos = regionTypos(input);
  if (result.success && !typos.length) return result.data;
  throw new ConfigError(source, [...(result.success ? [] : toProblems(result.error.issues, input)), ...typos], inputWarnings(input));
}

/** A region setting one edit away from exactly one known region is a typo, not a new region: an error. */
function regionTypos(input: unknown): Problem[] {
  return REGION_PATHS.flatMap((path) => {
    const value = valueAt(input, path);
    if (typeof value !== "string" || !isRegionTypo(value)) return [];
    return [{ path: formatPath(path), value, message: `is not a known region; ${didYouMean(regionCandidates(value))}` }];
  });
}

export interface LoadedConfig {
  readonly config: Config;
  /** What the config was read from: a file path or "embedded example". */
  readonly source: string;
  /** Settings that work but deserve a look; they fail nothing. */
  readonly warnings: Problem[];
}

/** The name under which the embedded example organization is reported. */
export const EXAMPLE_SOURCE = "embedded example";

/** Loads and validates a YAML or JSON config file, or the embedded example when no path is given. */
export function loadConfig(path?: string): Config {
  return readConfig(path).config;
}

/** Like loadConfig, with the warnings the config earns. */
export function readConfig(path?: string): LoadedConfig {
  const source = path || EXAMPLE_SOURCE;
  const config = parseConfig(path ? readData(path) : EXAMPLE_CONFIG, source);
  return { config, source, warnings: configWarnings(config) };
}

function readData(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "does not exist" : err.code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${err.message})`;
    throw new ConfigError(path, [{ path: "", message: why }]);
  }
  if (extname(path).toLowerCase() === ".json") {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ConfigError(path, [{ path: "", message: `is not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ConfigError(path, doc.errors.map((e) => ({ path: "", message: `is not valid YAML: ${e.message.replace(/\n+/g, " ").trim()}` })));
  }
  return doc.toJS() ?? {};
}

/** A path as `logArchive.bucketName` or `trail.insights.0`; a key that is not a plain word is quoted: `tags["aws:x"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (/^[A-Za-z0-9_]+$/.test(String(k)) ? `${i === 0 ? "" : "."}${String(k)}` : `[${JSON.stringify(String(k))}]`))
    .join("");
}

/** Settings that a release renamed, old path to new path, from every concept: a config using the old name is told the new one. */
const RENAMED_SETTINGS: Record<string, string> = Object.assign({}, ...CONCEPTS.map((c) => c.renamed ?? {}));

function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const path = formatPath([...issue.path, key]);
        const renamed = RENAMED_SETTINGS[path];
        if (renamed) {
          problems.push({ path, message: `was renamed to ${renamed}: rename it in your config` });
          continue;
        }
        const hint = closest(key, known);
        problems.push({ path, message: `is not a known setting${hint ? `; did you mean ${hint}?` : ""} (known here: ${known.join(", ")})` });
      }
      continue;
    }
    let value = "input" in issue ? issue.input : valueAt(input, issue.path);
    let message = issue.message;
    if (issue.code === "invalid_type") message = typeMessage(issue.expected, value);
    if (issue.code === "invalid_value") message = `must be one of ${issue.values.map(String).join(", ")}`;
    if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
      // A discriminated union (deployment.backend.type): the issue's input is the whole object.
      value = valueAt(input, issue.path);
      message = `must be one of ${issue.options.map(String).join(", ")}`;
    }
    problems.push({ path, value, message });
  }
  return problems;
}

/** What a value of the wrong type should be, with the usual cause when the config is YAML. */
function typeMessage(expected: string, value: unknown): string {
  if (value === undefined) return "is required";
  const got = value === null ? "empty" : Array.isArray(value) ? "a list" : typeof value === "object" ? "a mapping" : `a ${typeof value}`;
  switch (expected) {
    case "string":
      return typeof value === "number"
        ? `must be text, not a number: put it in quotes (YAML reads an unquoted 012345678901 as the number 12345678901)`
        : `must be text, not ${got}`;
    case "number":
      return `must be a number, not ${got}${typeof value === "string" ? ": remove the quotes" : ""}`;
    case "boolean":
      return `must be true or false, not ${got}${typeof value === "string" ? ": remove the quotes" : ""}`;
    case "object":
      return `must be a mapping of settings, not ${got}`;
    case "array":
      return `must be a list, not ${got}`;
    default:
      return `must be ${expected}, not ${got}`;
  }
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
