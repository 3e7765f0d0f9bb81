import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { App } from "../facade";
import type { Config } from "../config/schema";
import { assertWithinLimits, type SizeReport } from "../policies/limits";
import { DEPLOY_STACK_NAME, OrgCloudTrailStack } from "./deploy-stack";
import { writeFolderAtomically } from "./atomic-write";
import { buildModules } from "./module-stacks";
import { policySizes } from "./policy-sizes";

export { OUTPUT_MARKER } from "./atomic-write";

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
 * Writes the deploy stack and the vendorable modules to `outDir`, atomically (see writeFolderAtomically): a failed
 * run leaves the previous output untouched. Policy sizes are checked before anything is written.
 */
export function synthesize(config: Config, outDir: string, progress: (step: string) => void = () => undefined): SynthSummary {
  progress("checking policy sizes against the AWS limits");
  const policies = policySizes(config);
  assertWithinLimits(policies);
  const resources: Record<string, number> = {};
  const target = writeFolderAtomically(
    outDir,
    (staging) => {
      progress(`synthesizing the deploy stack ${DEPLOY_STACK_NAME}`);
      buildDeployApp(config, staging).synth();
      resources[`stacks/${DEPLOY_STACK_NAME}`] = countResources(readJson(join(staging, "stacks", DEPLOY_STACK_NAME, "cdk.tf.json")));
      const scratch = mkdtempSync(join(tmpdir(), "orgtrail-"));
      try {
        for (const m of buildModules(scratch)) {
          progress(`writing the vendorable module ${m.name}`);
          const dir = join(staging, "modules", m.name);
          mkdirSync(dir, { recursive: true });
          for (const [file, content] of Object.entries(m.files)) writeFileSync(join(dir, file), content);
          resources[`modules/${m.name}`] = countResources(JSON.parse(m.files["main.tf.json"]));
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
      progress(`replacing ${resolve(outDir)}`);
    },
    [DEPLOY_STACK_NAME],
  );
  return { outDir: target, files: listFiles(target), resources, policies };
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
