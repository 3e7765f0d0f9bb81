import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "../../modules/shared/facade";
import type { Config } from "../../config/schema";
import { OrgCloudTrailStack } from "../../stacks/deploy-stack";
import { synthesize } from "../../stacks/synth";
import { stripMetadata } from "../../stacks/to-module";

export type TfJson = {
  terraform: Record<string, unknown>;
  provider?: Record<string, Record<string, unknown>[]>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, Record<string, unknown>>;
  variable?: Record<string, Record<string, unknown>>;
  locals?: Record<string, unknown>;
};

export { config, exampleWith } from "./config";

/** The deploy stack as Terraform JSON, metadata removed. */
export function deployStack(c: Config): TfJson {
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), "orgtrail-app-")) });
  const stack = new OrgCloudTrailStack(app, "org-cloudtrail", c);
  return stripMetadata(stack.toTerraform()) as TfJson;
}

/** Runs the real synth into a fresh folder; returns the folder. */
export function synthTo(c: Config): string {
  const out = join(mkdtempSync(join(tmpdir(), "orgtrail-synth-")), "out");
  synthesize(c, out);
  return out;
}

export const readTf = (path: string): TfJson => JSON.parse(readFileSync(path, "utf8")) as TfJson;

