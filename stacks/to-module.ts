import type { TerraformStack } from "../modules/shared/facade";

export const PROVIDER_VERSION_RANGE = ">= 5.100, < 7.0";
export const TERRAFORM_VERSION_RANGE = ">= 1.5";

/** A vendorable module as files: name → content. */
export type ModuleFiles = Record<string, string>;

/**
 * Turns a synthesized stack into a reusable Terraform module. A stack is a root module: provider blocks, a backend,
 * an exact provider pin and cdktf metadata. A module has none of those: the caller passes providers, a version
 * range is required, and names must be stable.
 */
export function toModule(stack: TerraformStack, nullDefaults: readonly string[]): ModuleFiles {
  const tf = stripMetadata(stack.toTerraform()) as Record<string, Record<string, unknown>>;
  delete tf.provider;

  const variables = tf.variable ?? {};
  for (const name of nullDefaults) {
    const v = variables[name] as Record<string, unknown>;
    // Insert `default` after `description` so every variable reads type, description, default, validation.
    variables[name] = Object.fromEntries(
      Object.entries(v).flatMap(([k, x]) => (k === "description" ? [[k, x], ["default", null]] : [[k, x]])),
    );
  }

  const files: ModuleFiles = {
    "versions.tf.json": json({
      terraform: {
        required_version: TERRAFORM_VERSION_RANGE,
        required_providers: { aws: { source: "hashicorp/aws", version: PROVIDER_VERSION_RANGE } },
      },
    }),
    "variables.tf.json": json({ variable: variables }),
    "main.tf.json": json(pick(tf, ["locals", "data", "resource"])),
    "outputs.tf.json": json({ output: tf.output ?? {} }),
  };
  return files;
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

/** Removes cdktf's `"//"` metadata everywhere. */
export function stripMetadata(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripMetadata);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== "//")
        .map(([k, x]) => [k, stripMetadata(x)]),
    );
  }
  return v;
}

export const json = (v: unknown): string => JSON.stringify(v, null, 2) + "\n";
