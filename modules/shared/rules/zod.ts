import { z } from "zod";
import { broken, jsonSchemaOf, RULES, type RuleName } from "./rules";

/**
 * zod types checked against a shared rule set: every broken rule is its own issue ("must …"), and the rule's JSON
 * Schema fragment goes into the published schema, so editors flag what the config check refuses.
 */
export function ruled(name: RuleName) {
  return z
    .string()
    .superRefine((value, ctx) => {
      for (const rule of broken(RULES[name], value)) ctx.addIssue({ code: "custom", message: `must ${rule.must}`, input: value });
    })
    .meta(jsonSchemaOf(RULES[name]));
}

export function ruledNumber(name: RuleName) {
  return z
    .number()
    .superRefine((value, ctx) => {
      for (const rule of broken(RULES[name], value)) ctx.addIssue({ code: "custom", message: `must ${rule.must}`, input: value });
    })
    .meta(jsonSchemaOf(RULES[name]));
}
