import { z } from "zod";
import { CONCEPTS } from "../modules";
import type { Shape } from "../modules/shared/concept";
import type { Report } from "../modules/shared/rules/cross-field";

/**
 * The config schema, assembled from the concepts in registry order: each top-level section comes from the concept
 * that owns it, with the fields other concepts add appended; then every concept's cross-field rules, in registry order.
 */

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Concepts = (typeof CONCEPTS)[number];
type Sections = UnionToIntersection<NonNullable<Concepts["sections"]>>;
type Extensions = UnionToIntersection<NonNullable<Concepts["extends"]>>;
type Extended<S, E> = { [K in keyof S]: K extends keyof E ? (S[K] extends z.ZodObject<infer F, infer C> ? z.ZodObject<F & E[K], C> : S[K]) : S[K] };
type ConfigShape = Extended<Sections, Extensions>;

function assembleShape(): ConfigShape {
  const sections: Record<string, z.ZodType> = {};
  for (const concept of CONCEPTS) Object.assign(sections, concept.sections ?? {});
  for (const concept of CONCEPTS) {
    for (const [name, fields] of Object.entries((concept.extends ?? {}) as Record<string, Shape>)) {
      const section = sections[name];
      if (!(section instanceof z.ZodObject)) throw new Error(`${concept.name} extends ${name}, which is not an object section`);
      sections[name] = section.extend(fields);
    }
  }
  return sections as unknown as ConfigShape;
}

export const configSchema = z.strictObject(assembleShape()).superRefine((c, ctx) => {
  const config = c as unknown as Config;
  const report: Report = (path, input, message) => ctx.addIssue({ code: "custom", path, input, message });
  for (const concept of CONCEPTS) for (const rule of concept.crossFieldRules ?? []) rule.check?.(config, report);
});

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;
