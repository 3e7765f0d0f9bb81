import Handlebars from "handlebars";
import { EXAMPLE_CONFIG } from "../config/example";
import { readAsset } from "./assets";

/** Values the starter config is filled with. */
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

