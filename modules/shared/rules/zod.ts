import { z } from "zod";
import { broken, jsonSchemaOf, RULES, type Rule, type RuleName } from "./rules";
import { OPERATIONS_RULES, type OperationsRuleName } from "./operations-rules";

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

function checked<T extends z.ZodString | z.ZodNumber>(base: T, rules: readonly Rule[]): T {
  return base
    .superRefine((value: unknown, ctx) => {
      for (const rule of broken(rules, value)) ctx.addIssue({ code: "custom", message: `must ${rule.must}`, input: value });
    })
    .meta(jsonSchemaOf(rules)) as unknown as T;
}

/** Like `ruled`, for a rule set of either table (the operations settings' rules live in OPERATIONS_RULES). */
export const ruledText = (name: OperationsRuleName | RuleName) =>
  checked(z.string(), name in OPERATIONS_RULES ? OPERATIONS_RULES[name as OperationsRuleName] : RULES[name as RuleName]);
export const ruledCount = (name: OperationsRuleName) => checked(z.number(), OPERATIONS_RULES[name]);
