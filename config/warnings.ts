import type { Problem } from "./load";
import { rulesOf, type AdviceName } from "../modules/shared/rules/field-rules";
import { broken } from "../modules/shared/rules/rule";
import type { Config } from "./schema";

/**
 * Warnings: settings that AWS accepts and orgtrail deploys, but that a reviewer should see. They are reported with
 * the errors and never fail a run.
 */
export function configWarnings(c: Config): Problem[] {
  const out: Problem[] = [];
  const advise = (name: AdviceName, path: string, value: string | undefined) => {
    if (value === undefined) return;
    for (const rule of broken(rulesOf(name), value)) out.push({ path, value, message: `should ${rule.must}` });
  };
  advise("knownRegion", "organization.homeRegion", c.organization.homeRegion);
  advise("bucketNameWithoutPeriods", "logArchive.bucketName", c.logArchive.bucketName);
  if (c.logArchive.accessLogs.enabled) advise("bucketNameWithoutPeriods", "logArchive.accessLogs.bucketName", c.logArchive.accessLogs.bucketName);

  const switches: Record<string, boolean> = {
    "trail.multiRegion": c.trail.multiRegion,
    "trail.logFileValidation": c.trail.logFileValidation,
    "trail.includeGlobalServiceEvents": c.trail.includeGlobalServiceEvents,
    "logArchive.accessLogs.enabled": c.logArchive.accessLogs.enabled,
  };
  for (const { path, why } of SWITCHED_OFF) if (!switches[path]) out.push({ path, value: false, message: `is off: ${why}` });
  return out;
}

/** Safeguards that may be switched off, and what is lost then (the sources are the benchmarks that ask for them). */
export const SWITCHED_OFF = [
  { path: "trail.multiRegion", why: "the trail records events of its home region only (CIS AWS Foundations 3.1, checkov CKV_AWS_67)" },
  { path: "trail.logFileValidation", why: "no digest files prove that log files are unchanged (CIS AWS Foundations 3.2, checkov CKV_AWS_36)" },
  { path: "trail.includeGlobalServiceEvents", why: "events of global services such as IAM and STS are not recorded (AWS CloudTrail User Guide, 'Understanding global service events')" },
  { path: "logArchive.accessLogs.enabled", why: "reads of the log archive bucket leave no S3 server access log (CIS AWS Foundations 3.4, checkov CKV_AWS_18)" },
] as const;
