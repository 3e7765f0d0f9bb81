import { z } from "zod";
import { FIELD_RULES, rulesOf, type RuleName, type ValueOf } from "./field-rules";
import { broken, jsonSchemaOf } from "./rule";

type Ruled<N extends RuleName> = ValueOf<N> extends "number" ? z.ZodNumber : z.ZodString;

/**
 * A config field checked against a named rule set: text or a number, as the set judges. Every broken rule is its
 * own issue ("must …"), and the set's JSON Schema fragment goes into the published schema, so editors flag what the
 * config check refuses.
 */
export function ruled<N extends RuleName>(name: N): Ruled<N> {
  const rules = rulesOf(name);
  const base = FIELD_RULES[name].rules.every((r) => r.value === "number") ? z.number() : z.string();
  return (base as z.ZodType)
    .superRefine((value, ctx) => {
      for (const rule of broken(rules, value)) ctx.addIssue({ code: "custom", message: `must ${rule.must}`, input: value });
    })
    .meta(jsonSchemaOf(rules)) as unknown as Ruled<N>;
}
