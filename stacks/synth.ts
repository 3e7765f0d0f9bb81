import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { App } from "../facade";
import type { Config } from "../config/schema";
import { assertWithinLimits, type SizeReport } from "../policies/limits";
import { DEPLOY_STACK_NAME, OrgCloudTrailStack } from "./deploy-stack";
import { asHcl, assertHclEquivalent, type ModuleFormat } from "./hcl";
import { buildModules } from "./module-stacks";
import type { ModuleFiles } from "./to-module";
import { policySizes } from "./policy-sizes";

/** Marks a folder as orgtrail output, so a later run may replace it and never replaces anything else. */
export const OUTPUT_MARKER = ".orgtrail-output";

export interface SynthSummary {
  readonly outDir: string;
  readonly files: string[];
  readonly resources: Record<string, number>;
  readonly policies: SizeReport[];
}

/** Builds the deployable app for cdktf (`main.ts`) or for `synth`. */
export function buildDeployApp(config: Config, outdir?: string): App {
  const app = new App({ outdir });
  new OrgCloudTrailStack(app, DEPLOY_STACK_NAME, config);
  return app;
}

/**
 * Writes the deploy stack and the vendorable modules to `outDir`, atomically: everything is staged beside it and
 * swapped in at the end, so a failed run leaves the previous output untouched. Policy sizes are checked first.
 */
export interface SynthOptions {
  /**
   * How the vendorable modules are written: `json` (`*.tf.json`, default), `hcl` (`*.tf`), or `both` (JSON in
   * `modules/`, HCL in `modules-hcl/`). Callers offering HCL prove it first with `verifyHclModules()`.
   */
  readonly moduleFormat?: ModuleFormat;
}

export function synthesize(config: Config, outDir: string, options: SynthOptions = {}): SynthSummary {
  const format = options.moduleFormat ?? "json";
  const target = resolve(outDir);
  const policies = policySizes(config);
  assertWithinLimits(policies);
  refuseForeignFolder(target);

  mkdirSync(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.orgtrail-staging-${process.pid}`);
  const scratch = mkdtempSync(join(tmpdir(), "orgtrail-"));
  rmSync(staging, { recursive: true, force: true });
  try {
    const app = buildDeployApp(config, staging);
    app.synth();
    const resources: Record<string, number> = { [`stacks/${DEPLOY_STACK_NAME}`]: countResources(readJson(join(staging, "stacks", DEPLOY_STACK_NAME, "cdk.tf.json"))) };
    for (const m of buildModules(scratch)) {
      if (format !== "hcl") writeFiles(join(staging, "modules", m.name), m.files);
      if (format !== "json") writeFiles(join(staging, format === "both" ? "modules-hcl" : "modules", m.name), asHcl(m.files));
      resources[`modules/${m.name}`] = countResources(JSON.parse(m.files["main.tf.json"]));
    }
    writeFileSync(join(staging, OUTPUT_MARKER), "Written by orgtrail synth; the whole folder is replaced on the next run.\n");
    swapIn(staging, target);
    return { outDir: target, files: listFiles(target), resources, policies };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}

function writeFiles(dir: string, files: ModuleFiles): void {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
}

/** Proves every module's HCL equivalent to its JSON (hcl2json round trip); throws naming the first difference. */
export async function verifyHclModules(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), "orgtrail-hcl-"));
  try {
    for (const m of buildModules(scratch)) await assertHclEquivalent(m.files, asHcl(m.files), `modules/${m.name}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function refuseForeignFolder(target: string): void {
  if (!existsSync(target)) return;
  const entries = readdirSync(target);
  const ours = entries.includes(OUTPUT_MARKER) || entries.includes("manifest.json");
  if (entries.length > 0 && !ours) {
    throw new Error(`${target} is not empty and is not orgtrail output: refusing to replace it (choose another --out)`);
  }
}

function swapIn(staging: string, target: string): void {
  const previous = `${staging}-previous`;
  if (existsSync(target)) renameSync(target, previous);
  try {
    renameSync(staging, target);
  } catch (e) {
    if (existsSync(previous)) renameSync(previous, target);
    throw e;
  }
  rmSync(previous, { recursive: true, force: true });
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, "utf8"));

function countResources(tf: unknown): number {
  const resource = (tf as { resource?: Record<string, Record<string, unknown>> }).resource ?? {};
  return Object.values(resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}
