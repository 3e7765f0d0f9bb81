import { z } from "zod";
import { configSchema } from "./schema";

/**
 * The JSON Schema of a config file, generated from the zod schema: what a person may write (`io: "input"`, so
 * settings with defaults are optional), with every rule a pattern can express. Cross-field rules are not in it.
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12", unrepresentable: "throw" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "orgtrail configuration",
    description: "An AWS organization's CloudTrail log archive, as orgtrail generates it. Checked in full by `orgtrail validate`.",
    ...rest,
  };
}

/** The schema as committed in schema/orgtrail.schema.json and printed by `orgtrail schema`. */
export const configJsonSchemaText = (): string => JSON.stringify(configJsonSchema(), null, 2) + "\n";
