import type { Config } from "../../config/schema";
import type { RuleName } from "./rules/field-rules";
import type { Rule } from "./rules/rule";
import type { Value } from "./value";

/**
 * One row of a module's input table, written once: the module variable (snake_case name, type, description,
 * default, the shared validation rules) and the config setting it stands for. The module declares it as a variable;
 * the tests pass `argumentsOf(config)` to the module; the README's usage snippet shows `exampleOf(example config)`.
 */
export interface VariableSpec {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** `null` makes the variable optional with a null default. Omitted: required. */
  readonly default?: unknown;
  readonly rules?: RuleName | readonly Rule[];
  /** For `map(string)` / `list(string)`: rules that each element must meet. */
  readonly elementRules?: RuleName;
  /** The config setting it stands for, as a path (`logArchive.bucketName`); its value is the module argument. */
  readonly config?: string;
  /** The module argument equivalent to a config, where it is derived rather than read at `config`. */
  readonly fromConfig?: (c: Config) => unknown;
  /** Shown in the README's usage snippet: `true` for the example's argument, a function of the example, or the value to show. */
  readonly example?: true | ((c: Config) => unknown) | string;
}

const valueAt = (c: Config, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), c);

/** The module argument equivalent to a config; undefined when the config does not set it (the default applies). */
export function argumentOf(spec: VariableSpec, c: Config): unknown {
  if (spec.fromConfig) return spec.fromConfig(c);
  return spec.config === undefined ? undefined : valueAt(c, spec.config);
}

/** The module arguments equivalent to a config: what a plain-Terraform root passes to get the deploy stack's resources. */
export function argumentsOf(specs: readonly VariableSpec[], c: Config): Record<string, unknown> {
  return Object.fromEntries(specs.flatMap((s) => {
    const value = argumentOf(s, c);
    return value === undefined ? [] : [[s.name, value]];
  }));
}

/** The README usage snippet's arguments, at the example config. */
export function exampleOf(specs: readonly VariableSpec[], c: Config): Record<string, unknown> {
  return Object.fromEntries(
    specs.flatMap((s) => (s.example === undefined ? [] : [[s.name, s.example === true ? argumentOf(s, c) : typeof s.example === "function" ? s.example(c) : s.example]])),
  );
}

/**
 * A module's inputs by variable name, as one construct's props are built from them: the module's variables
 * (`var.*`, decided at plan time) or the literal arguments equivalent to a config (the deploy stack). The same
 * props function serves both, so the deploy stack and the module cannot drift apart.
 */
export interface Inputs {
  /** Text: a literal, or template text `${var.name}` usable inside any string. */
  s(name: string): string;
  /** A number: a literal, or cdktf's number token of the variable. */
  n(name: string): number;
  /** Any value: a literal (undefined when the config leaves an optional input unset), or the expression `var.name`. */
  value<T = unknown>(name: string): Value<T>;
}

/**
 * The inputs equivalent to a config: each row's argument for it, else its default; null (unset) reads as undefined.
 * `given` supplies what the config cannot (another resource's attribute in the deploy stack, e.g. the created key's ARN).
 */
export function literalInputs(specs: readonly VariableSpec[], c: Config, given: Readonly<Record<string, unknown>> = {}): Inputs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const value = (name: string): unknown => {
    const spec = byName.get(name);
    if (!spec) throw new Error(`input ${name} is not in the table`);
    const v = name in given ? given[name] : argumentOf(spec, c);
    const chosen = v === undefined ? spec.default : v;
    if (chosen === undefined) throw new Error(`input ${name} is required and the config does not give it`);
    return chosen === null ? undefined : chosen;
  };
  return { s: (name) => value(name) as string, n: (name) => value(name) as number, value: <T>(name: string) => value(name) as T };
}

/** An object without its undefined fields (README snippets show what is set). */
export const setOnly = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
