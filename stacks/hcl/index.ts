import type { ModuleFiles } from "../to-module";
import { toHcl } from "./emit";

export { assertHclEquivalent } from "./round-trip";
export { toHcl } from "./emit";

export type ModuleFormat = "json" | "hcl" | "both";

/** A module's files with every `*.tf.json` written as `*.tf` (HCL); READMEs and tests are kept. */
export function asHcl(files: ModuleFiles): ModuleFiles {
  return Object.fromEntries(
    Object.entries(files).map(([f, text]) => (f.endsWith(".tf.json") ? [f.replace(/\.tf\.json$/, ".tf"), toHcl(JSON.parse(text))] : [f, text])),
  );
}
