import { readFileSync } from "node:fs";
import { extname } from "node:path";
import YAML, { LineCounter } from "yaml";
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
  /** `file:line` of the setting, where the YAML parser gives it. */
  readonly at?: string;
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
  return `  - ${p.path || "(top level)"}: ${p.message}${got ? ` (got ${got})` : ""}${p.at ? ` at ${p.at}` : ""}`;
}

/** Validates a config object; throws ConfigError listing every problem at once. */
export function parseConfig(input: unknown, source = "config", locate?: Locate): Config {
  const result = configSchema.safeParse(input, { reportInput: true });
  const typos = regionTypos(input);
  if (result.success && !typos.length) return result.data;
  const problems = [...(result.success ? [] : toProblems(result.error.issues, input)), ...typos];
  throw new ConfigError(source, locate ? problems.map((p) => located(p, locate)) : problems, inputWarnings(input).map((w) => (locate ? located(w, locate) : w)));
}

/** Where a setting is written (`file:line`), from its path; undefined when the source has no lines (JSON, an object). */
export type Locate = (path: readonly PropertyKey[]) => string | undefined;

/** Problems name settings by formatted path; the locator reads raw ones (kept on the side while formatting). */
const RAW_PATHS = new WeakMap<Problem, readonly PropertyKey[]>();

function located(p: Problem, locate: Locate): Problem {
  const at = locate(RAW_PATHS.get(p) ?? p.path.split(".").filter(Boolean));
  return at ? { ...p, at } : p;
}

const problem = (p: Problem, path: readonly PropertyKey[]): Problem => {
  RAW_PATHS.set(p, path);
  return p;
};

/** A region setting one edit away from exactly one known region is a typo, not a new region: an error. */
function regionTypos(input: unknown): Problem[] {
  return REGION_PATHS.flatMap((path) => {
    const value = valueAt(input, path);
    if (typeof value !== "string" || !isRegionTypo(value)) return [];
    return [problem({ path: formatPath(path), value, message: `is not a known region; ${didYouMean(regionCandidates(value))}` }, path)];
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
  const { data, locate } = path ? readData(path) : { data: EXAMPLE_CONFIG, locate: undefined };
  const config = parseConfig(data, source, locate);
  return { config, source, warnings: configWarnings(config).map((w) => (locate ? located(w, locate) : w)) };
}

function readData(path: string): { data: unknown; locate?: Locate } {
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
      return { data: JSON.parse(text) };
    } catch (e) {
      throw new ConfigError(path, [{ path: "", message: `is not valid JSON: ${(e as Error).message}` }]);
    }
  }
  const lines = new LineCounter();
  const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length) {
    throw new ConfigError(
      path,
      doc.errors.map((e) => ({ path: "", message: `is not valid YAML: ${e.message.replace(/\n+/g, " ").trim()}`, ...(e.linePos ? { at: `${path}:${e.linePos[0].line}` } : {}) })),
    );
  }
  // The line of the setting, or of the closest enclosing one that is written (a missing setting: its section).
  const locate: Locate = (at) => {
    for (let n = at.length; n > 0; n--) {
      const node = doc.getIn(at.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return `${path}:${lines.linePos(node.range[0]).line}`;
    }
    return undefined;
  };
  return { data: doc.toJS() ?? {}, locate };
}

/**
 * A path as `logArchive.bucketName` or `trail.insights.0`; a key that is not a plain word is quoted: `tags["aws:x"]`.
 * Given the input, a list element is named by its key where it has one, unique in its list:
 * `thirdPartyReaders[ExternalAuditor].externalId`, `memberRoles[333333333333].roleName`.
 */
export function formatPath(path: readonly PropertyKey[], input?: unknown): string {
  return path
    .map((k, i) => {
      const key = typeof k === "number" && input !== undefined ? elementKey(valueAt(input, path.slice(0, i)), k) : undefined;
      if (key !== undefined) return /^[\w+=,.@:-]+$/.test(key) ? `[${key}]` : `[${JSON.stringify(key)}]`;
      return /^[A-Za-z0-9_]+$/.test(String(k)) ? `${i === 0 ? "" : "."}${String(k)}` : `[${JSON.stringify(String(k))}]`;
    })
    .join("");
}

/** The fields that name a list element (a reader's `name`, a member role's `accountId`), in order of preference. */
const ELEMENT_KEYS = ["name", "accountId"];

function elementKey(list: unknown, index: number): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const element = list[index] as Record<string, unknown> | undefined;
  for (const field of ELEMENT_KEYS) {
    const v = element && typeof element === "object" ? element[field] : undefined;
    if (typeof v !== "string" || !v) continue;
    const same = list.filter((e) => e && typeof e === "object" && (e as Record<string, unknown>)[field] === v).length;
    return same === 1 ? v : undefined;
  }
  return undefined;
}

/** Settings that a release renamed, old path to new path, from every concept: a config using the old name is told the new one. */
const RENAMED_SETTINGS: Record<string, string> = Object.assign({}, ...CONCEPTS.map((c) => c.renamed ?? {}));

function toProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path, input);
    if (issue.code === "unrecognized_keys") {
      const known = knownKeys(issue.path);
      for (const key of issue.keys) {
        const raw = [...issue.path, key];
        const path = formatPath(raw, input);
        const renamed = RENAMED_SETTINGS[path];
        if (renamed) {
          problems.push(problem({ path, message: `was renamed to ${renamed}: rename it in your config` }, raw));
          continue;
        }
        const hint = closest(key, known);
        problems.push(problem({ path, message: `is not a known setting${hint ? `; did you mean ${hint}?` : ""} (known here: ${known.join(", ")})` }, raw));
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
    problems.push(problem({ path, value, message }, issue.path));
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
