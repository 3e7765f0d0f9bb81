import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TerraformStack } from "../modules/shared/facade";
import { renderModuleReadme, type ModuleDoc } from "./module-readme";
import { projectRoot } from "./project-root";
import type { ModuleFiles } from "./to-module";

export interface ModuleBuild {
  readonly name: string;
  readonly stack: TerraformStack;
  readonly files: ModuleFiles;
}

/** A module's files: its Terraform, its generated README and its shipped tests. */
export function finish(name: string, stack: TerraformStack, files: ModuleFiles, doc: ModuleDoc): ModuleBuild {
  return { name, stack, files: { ...files, "README.md": renderModuleReadme(name, files, doc), ...shippedTests(name) } };
}

/**
 * Native `terraform test` files shipped with a module: `modules/<concept>/tftest/*.tftest.hcl` in this repository
 * become `tests/` of the generated module, so they run in the consumer's repository too.
 */
export function shippedTests(concept: string): ModuleFiles {
  const dir = join(projectRoot(), "modules", concept, "tftest");
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".tftest.hcl"))
      .sort()
      .map((f) => [`tests/${f}`, readFileSync(join(dir, f), "utf8")]),
  );
}

