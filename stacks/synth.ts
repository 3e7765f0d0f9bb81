import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { App } from "../modules/shared/facade";
import type { Config } from "../config/schema";
import { assertWithinLimits, type SizeReport } from "../modules/shared/limits";
import { DEPLOY_STACK_NAME, OrgCloudTrailStack } from "./deploy-stack";
import { writeFolderAtomically } from "./atomic-write";
import { asHcl, assertHclEquivalent, type ModuleFormat } from "./hcl";
import { buildModules } from "./build-module";
import type { ModuleFiles } from "./to-module";
import { policySizes } from "./policy-sizes";
import { compareWithPrevious, deployStackFile, LogsAtRiskError, losesLogs, type Day2Comparison } from "./day2";
import type { TerraformJson } from "./day2/terraform-json";

export { OUTPUT_MARKER } from "./atomic-write";

export interface SynthSummary {
  readonly outDir: string;
  readonly files: string[];
  readonly resources: Record<string, number>;
  readonly policies: SizeReport[];
  /** What changed, against the previous output, for resources that hold or produce logs. */
  readonly day2: Day2Comparison;
}

/** Builds the deployable app for cdktf (`main.ts`) or for `synth`. */
export function buildDeployApp(config: Config, outdir?: string): App {
  const app = new App({ outdir });
  new OrgCloudTrailStack(app, DEPLOY_STACK_NAME, config);
  return app;
}

/**
 * Writes the deploy stack and the vendorable modules to `outDir`, atomically (see writeFolderAtomically): a failed
 * run leaves the previous output untouched. Policy sizes are checked before anything is written.
 */
export interface SynthOptions {
  /**
   * How the vendorable modules are written: `json` (`*.tf.json`, default), `hcl` (`*.tf`), or `both` (JSON in
   * `modules/`, HCL in `modules-hcl/`). Callers offering HCL prove it first with `verifyHclModules()`.
   */
  readonly moduleFormat?: ModuleFormat;
  /** Told each step as it starts, for progress lines. */
  readonly progress?: (step: string) => void;
  /**
   * Told how the new deploy stack changes resources that hold or produce logs, compared with the previous output,
   * before that output is replaced: warnings must reach the user before anything is written.
   */
  readonly day2?: (comparison: Day2Comparison) => void;
  /** Refuse (LogsAtRiskError, nothing written) when a change would destroy logs or the key that decrypts them. */
  readonly failOnDestroy?: boolean;
}

export function synthesize(config: Config, outDir: string, options: SynthOptions = {}): SynthSummary {
  const format = options.moduleFormat ?? "json";
  const progress = options.progress ?? (() => undefined);
  progress("checking policy sizes against the AWS limits");
  const policies = policySizes(config);
  assertWithinLimits(policies);
  const resources: Record<string, number> = {};
  let day2: Day2Comparison = { changes: [] };
  const target = writeFolderAtomically(
    outDir,
    (staging) => {
      progress(`synthesizing the deploy stack ${DEPLOY_STACK_NAME}`);
      buildDeployApp(config, staging).synth();
      const stack = readJson(deployStackFile(staging, DEPLOY_STACK_NAME)) as TerraformJson;
      resources[`stacks/${DEPLOY_STACK_NAME}`] = countResources(stack);
      // Compared before anything replaces the previous output: a refusal leaves it byte for byte.
      if (existsSync(deployStackFile(resolve(outDir), DEPLOY_STACK_NAME))) progress("comparing the deploy stack with the previous output");
      day2 = compareWithPrevious(resolve(outDir), DEPLOY_STACK_NAME, stack);
      options.day2?.(day2);
      if (options.failOnDestroy && (day2.unreadable || day2.changes.some(losesLogs))) throw new LogsAtRiskError(day2);
      const scratch = mkdtempSync(join(tmpdir(), "orgtrail-"));
      try {
        for (const m of buildModules(scratch)) {
          progress(`writing the vendorable module ${m.name}${format === "json" ? "" : ` (${format === "both" ? "JSON and HCL" : "HCL"})`}`);
          if (format !== "hcl") writeFiles(join(staging, "modules", m.name), m.files);
          if (format !== "json") writeFiles(join(staging, format === "both" ? "modules-hcl" : "modules", m.name), asHcl(m.files));
          resources[`modules/${m.name}`] = countResources(JSON.parse(m.files["main.tf.json"]));
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      progress(`replacing ${resolve(outDir)}`);
    },
    [DEPLOY_STACK_NAME],
  );
  return { outDir: target, files: listFiles(target), resources, policies, day2 };
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
