/**
 * A validation rule, written once and used three ways: `check` validates a config value in TypeScript, `condition`
 * emits the same rule as a Terraform `validation` condition on a module variable, and `jsonSchema` puts it in the
 * config's JSON Schema so editors flag the value while it is typed. Regular expressions are kept to the RE2 subset
 * that Terraform's `regex()` understands (no look-around, no back-references).
 */
export interface Rule {
  /** The rule in words, completing "must …" (or "should …" for advice); used in every error message. */
  readonly must: string;
  readonly check: (value: unknown) => boolean;
  /** Terraform condition for a non-null value referenced by `ref` (e.g. `var.bucket_name`). */
  readonly condition: (ref: string) => string;
  /** The same rule as a JSON Schema fragment. */
  readonly jsonSchema: Record<string, unknown>;
}

/** A rule on one config field's value: it says whether it judges text or numbers, which picks the zod type. */
export interface FieldRule<V extends "string" | "number" = "string" | "number"> extends Rule {
  readonly value: V;
}

const hclString = (s: string): string => JSON.stringify(s).replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");

/** A string matching a regular expression (RE2 syntax, anchored by the caller). */
export function matches(pattern: string, must: string): FieldRule<"string"> {
  const re = new RegExp(pattern);
  return {
    value: "string",
    must,
    check: (v) => typeof v === "string" && re.test(v),
    condition: (ref) => `can(regex(${hclString(pattern)}, ${ref}))`,
    jsonSchema: { pattern },
  };
}

/** A string that must not match a regular expression. */
export function notMatches(pattern: string, must: string): FieldRule<"string"> {
  const re = new RegExp(pattern);
  return {
    value: "string",
    must,
    check: (v) => typeof v === "string" && !re.test(v),
    condition: (ref) => `!can(regex(${hclString(pattern)}, ${ref}))`,
    jsonSchema: { not: { pattern } },
  };
}

export function lengthBetween(min: number, max: number): FieldRule<"string"> {
  return {
    value: "string",
    must: `be ${min} to ${max} characters long`,
    check: (v) => typeof v === "string" && v.length >= min && v.length <= max,
    condition: (ref) => `length(${ref}) >= ${min} && length(${ref}) <= ${max}`,
    jsonSchema: { minLength: min, maxLength: max },
  };
}

export function oneOf(values: readonly string[]): FieldRule<"string"> {
  return {
    value: "string",
    must: `be one of ${values.join(", ")}`,
    check: (v) => typeof v === "string" && values.includes(v),
    condition: (ref) => `contains([${values.map(hclString).join(", ")}], ${ref})`,
    jsonSchema: { enum: [...values] },
  };
}

export function integerBetween(min: number, max: number): FieldRule<"number"> {
  return {
    value: "number",
    must: `be a whole number from ${min} to ${max}`,
    check: (v) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max,
    condition: (ref) => `floor(${ref}) == ${ref} && ${ref} >= ${min} && ${ref} <= ${max}`,
    jsonSchema: { type: "integer", minimum: min, maximum: max },
  };
}

/** One of a fixed set of numbers. */
export function numberOneOf(values: readonly number[]): FieldRule<"number"> {
  return {
    value: "number",
    must: `be one of ${values.join(", ")}`,
    check: (v) => typeof v === "number" && values.includes(v),
    condition: (ref) => `contains([${values.join(", ")}], ${ref})`,
    jsonSchema: { enum: [...values] },
  };
}

/** A rule set as one JSON Schema fragment (every rule must hold). */
export function jsonSchemaOf(rules: readonly Rule[]): Record<string, unknown> {
  return rules.length === 1 ? { ...rules[0].jsonSchema } : { allOf: rules.map((r) => r.jsonSchema) };
}

/** Every rule of a set that `value` breaks. */
export function broken<R extends Rule>(rules: readonly R[], value: unknown): R[] {
  return rules.filter((r) => !r.check(value));
}
