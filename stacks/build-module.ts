import { App, TerraformStack } from "../modules/shared/facade";
import { CONCEPTS } from "../modules";
import { useFixedAddresses } from "../modules/shared/logical-id";
import type { ModuleDefinition } from "../modules/shared/concept";
import { exampleOf, ModuleVariables } from "../modules/shared/variables";
import { README_EXAMPLE } from "../config/example";
import { parseConfig } from "../config/load";
import { finish, type ModuleBuild } from "./module-files";
import { toModule } from "./to-module";

export type { ModuleBuild } from "./module-files";

const readmeExample = () => parseConfig(README_EXAMPLE, "README example");

/** A vendorable module from its definition: variables, resources and outputs, README, shipped tests. */
export function buildModule(app: App, definition: ModuleDefinition): ModuleBuild {
  const stack = new TerraformStack(app, definition.name);
  useFixedAddresses(stack);
  const v = new ModuleVariables(stack, definition.variables);
  definition.build(stack, v);
  const doc = definition.doc();
  return finish(definition.name, stack, toModule(stack, v.nulls), { ...doc, example: doc.example ?? exampleOf(definition.variables, readmeExample()) });
}

/** The definitions of every vendorable module, in registry order. */
export const moduleDefinitions = (): ModuleDefinition[] => CONCEPTS.flatMap((c) => (c.module ? [c.module()] : []));

/**
 * Every vendorable module, built in an app of its own: modules have no provider, so validation is skipped, and
 * they are written by `toModule`, never by cdktf (`scratchDir` only satisfies the App, which creates it).
 */
export function buildModules(scratchDir: string): ModuleBuild[] {
  const app = new App({ skipValidation: true, outdir: scratchDir });
  return moduleDefinitions().map((d) => buildModule(app, d));
}
