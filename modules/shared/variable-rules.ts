import { rulesOf, type RuleName } from "./rules/field-rules";
import type { Rule } from "./rules/rule";

/**
 * Rules for module variables whose values are maps or lists of objects: the same shared rule sets as the config,
 * lifted over every key, entry or element.
 */

type Entries = Record<string, Record<string, unknown>>;
const entries = (v: unknown): [string, Record<string, unknown>][] => (v && typeof v === "object" ? Object.entries(v as Entries) : []);

/** A rule for module variables only (Terraform validation and its TypeScript twin); not part of the config schema. */
export const variableRule = (r: Pick<Rule, "must" | "check" | "condition">): Rule => r as Rule;

/** Every key of a map meets the rule set. */
export function keysMeet(name: RuleName, what: string): Rule[] {
  return rulesOf(name).map((r) => variableRule({
    must: `have keys that are ${what} (each must ${r.must})`,
    check: (v) => entries(v).every(([k]) => r.check(k)),
    condition: (ref) => `alltrue([for k in keys(${ref}) : try(${r.condition("k")}, false)])`,
  }));
}

/** A field of every entry meets the rule set; `nullable` lets it be null, `list` applies the rules to each element. */
export function fieldMeets(field: string, name: RuleName, opts: { nullable?: boolean; list?: boolean } = {}): Rule[] {
  return rulesOf(name).map((r) => {
    const one = opts.list
      ? (x: string) => `try(alltrue([for a in ${x} : try(${r.condition("a")}, false)]), false)`
      : (x: string) => `try(${r.condition(x)}, false)`;
    // Terraform's || evaluates both sides: the right one must not fail on null.
    const cond = (x: string) => (opts.nullable ? `${x} == null || ${one(x)}` : one(x));
    const check = (x: unknown) => (opts.nullable && (x === null || x === undefined)) || (opts.list ? Array.isArray(x) && x.every(r.check) : r.check(x));
    return variableRule({
      must: `have a valid ${field} in every entry (${opts.list ? "each element" : "each"} must ${r.must})`,
      check: (v) => entries(v).every(([, e]) => check(e[field])),
      condition: (ref) => `alltrue([for e in values(${ref}) : ${cond(`e.${field}`)}])`,
    });
  });
}

export const notEmpty = variableRule({ must: "not be empty", check: (v) => Array.isArray(v) && v.length > 0, condition: (ref) => `length(${ref}) > 0` });
