import type { Rule } from "./rule";

/** Rules for module variables that hold lists: a field rule lifted over every element, and distinctness. */

/** A rule applied to every element of a list (or to a field of every element). */
export function eachElement(rule: Rule, field?: string): Rule {
  const pick = (x: unknown) => (field ? (x as Record<string, unknown> | null)?.[field] : x);
  return {
    must: field ? `have every element's ${field} ${rule.must}` : `have every element ${rule.must}`,
    check: (v) => Array.isArray(v) && v.every((x) => rule.check(pick(x))),
    condition: (ref) => `alltrue([for x in ${ref} : ${rule.condition(field ? `x.${field}` : "x")}])`,
    jsonSchema: { type: "array", items: field ? { properties: { [field]: rule.jsonSchema } } : rule.jsonSchema },
  };
}

/** A rule applied to an optional field of every element of a list: null passes. */
export function eachOptionalField(rule: Rule, field: string): Rule {
  return {
    must: `have every element's ${field}, when set, ${rule.must}`,
    check: (v) => Array.isArray(v) && v.every((x) => x?.[field] === undefined || x?.[field] === null || rule.check(x[field])),
    condition: (ref) => `alltrue([for x in ${ref} : x.${field} == null ? true : ${rule.condition(`x.${field}`)}])`,
    jsonSchema: { type: "array", items: { properties: { [field]: { anyOf: [{ type: "null" }, rule.jsonSchema] } } } },
  };
}

/** A list without repeated values (Terraform sets would silently merge them; AWS rejects some). */
export const distinct: Rule = {
  must: "not repeat a value",
  check: (v) => Array.isArray(v) && new Set(v.map((x) => JSON.stringify(x))).size === v.length,
  condition: (ref) => `length(distinct(${ref})) == length(${ref})`,
  jsonSchema: { type: "array", uniqueItems: true },
};
