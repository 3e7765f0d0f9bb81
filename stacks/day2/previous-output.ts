import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Day2Comparison } from "./change";
import { compareDeployStacks } from "./compare";
import type { TerraformJson } from "./terraform-json";

/** Where a deploy stack sits in an output folder. */
export const deployStackFile = (outDir: string, stack: string): string => join(outDir, "stacks", stack, "cdk.tf.json");

/**
 * Compares the deploy stack about to be written with the one in the previous output folder, if there is one.
 * Only called for a folder synth may replace (earlier orgtrail output, or empty, or missing), so whatever stack
 * file it holds was written by orgtrail — and is what the user applies.
 */
export function compareWithPrevious(previousOutDir: string, stack: string, next: TerraformJson): Day2Comparison {
  const file = deployStackFile(previousOutDir, stack);
  if (!existsSync(file)) return { changes: [] };
  let previous: TerraformJson;
  try {
    previous = JSON.parse(readFileSync(file, "utf8")) as TerraformJson;
  } catch (e) {
    return { comparedWith: file, unreadable: `${file}: ${(e as Error).message}`, changes: [] };
  }
  return { comparedWith: file, changes: compareDeployStacks(previous, next) };
}
