import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import Handlebars from "handlebars";
import { EXAMPLE_CONFIG } from "../config/example";
import { readAsset } from "./assets";

export interface StarterValues {
  orgId: string;
  managementAccountId: string;
  homeRegion: string;
  logArchiveAccountId?: string;
  bucketName: string;
  trailName: string;
}

export const STARTER_DEFAULTS: StarterValues = {
  orgId: EXAMPLE_CONFIG.organization.id,
  managementAccountId: EXAMPLE_CONFIG.organization.managementAccountId,
  homeRegion: EXAMPLE_CONFIG.organization.homeRegion,
  bucketName: EXAMPLE_CONFIG.logArchive.bucketName,
  trailName: EXAMPLE_CONFIG.trail.name,
};

/** The commented starter config (templates/orgtrail.yaml.hbs); the caller checks it like any config. */
export function starterConfig(values: Partial<StarterValues> = {}): string {
  const v = { ...STARTER_DEFAULTS, ...Object.fromEntries(Object.entries(values).filter(([, x]) => x !== undefined)) };
  return Handlebars.compile(readAsset("templates", "orgtrail.yaml.hbs"), { noEscape: true, strict: false })(v);
}

/**
 * Writes `text` to `path` whole or not at all: a temporary file beside it, then a link (refuses an existing file)
 * or, with `overwrite`, a rename over it.
 */
export function writeFileAtomically(path: string, text: string, overwrite: boolean): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.orgtrail-${process.pid}-${Date.now()}`);
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    if (overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } finally {
    if (existsSync(temp)) rmSync(temp);
  }
}
