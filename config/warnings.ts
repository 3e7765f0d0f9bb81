import type { Problem } from "./load";
import { rulesOf, type AdviceName } from "../modules/shared/rules/field-rules";
import { broken } from "../modules/shared/rules/rule";
import type { Config } from "./schema";
import { didYouMean, isRegionTypo, regionCandidates } from "./regions";

/**
 * Warnings: settings that AWS accepts and orgtrail deploys, but that a reviewer should see. They are reported with
 * the errors and never fail a run.
 */
export function configWarnings(c: Config): Problem[] {
  return inputWarnings(c);
}

/**
 * The same, read off a config that may be invalid (its values as given, defaults not applied): warnings are shown
 * with the errors, not lost to them. Settings given with the wrong type earn their error, not a warning.
 */
export function inputWarnings(input: unknown): Problem[] {
  const at = (path: string): unknown => path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), input);
  const out: Problem[] = [];
  const advise = (name: AdviceName, path: string, value: unknown, hint = "") => {
    if (typeof value !== "string") return;
    for (const rule of broken(rulesOf(name), value)) out.push({ path, value, message: `should ${rule.must}${hint}` });
  };
  const region = at("organization.homeRegion");
  // A typo with one clear match is an error (config/regions.ts); a region that is merely unknown stays a warning.
  if (typeof region === "string" && !isRegionTypo(region)) {
    const hint = didYouMean(regionCandidates(region));
    advise("knownRegion", "organization.homeRegion", region, hint ? `; ${hint}` : "");
  }
  advise("bucketNameWithoutPeriods", "logArchive.bucketName", at("logArchive.bucketName"));
  if (at("logArchive.accessLogs.enabled") !== false) advise("bucketNameWithoutPeriods", "logArchive.accessLogs.bucketName", at("logArchive.accessLogs.bucketName"));
  // Off only when switched off explicitly: each defaults to on.
  for (const { path, why } of SWITCHED_OFF) if (at(path) === false) out.push({ path, value: false, message: `is off: ${why}` });
  return out;
}

/** Safeguards that may be switched off, and what is lost then (the sources are the benchmarks that ask for them). */
export const SWITCHED_OFF = [
  { path: "trail.multiRegion", why: "the trail records events of its home region only (CIS AWS Foundations 3.1, checkov CKV_AWS_67)" },
  { path: "trail.logFileValidation", why: "no digest files prove that log files are unchanged (CIS AWS Foundations 3.2, checkov CKV_AWS_36)" },
  { path: "trail.includeGlobalServiceEvents", why: "events of global services such as IAM and STS are not recorded (AWS CloudTrail User Guide, 'Understanding global service events')" },
  { path: "logArchive.accessLogs.enabled", why: "reads of the log archive bucket leave no S3 server access log (CIS AWS Foundations 3.4, checkov CKV_AWS_18)" },
] as const;
