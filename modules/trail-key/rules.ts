import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { follows } from "../shared/rules/field-rules";

export function checkTrailKey(c: Config, report: Report): void {
  const key = c.encryption.kmsKey;
  if (key === "create" || !follows("kmsKeyArn", key)) return;
  const [, partition, , region] = key.split(":");
  if (follows("region", c.organization.homeRegion) && region !== c.organization.homeRegion) {
    report(["encryption", "kmsKey"], key, `must be a key in the home region ${c.organization.homeRegion}: CloudTrail requires the key and the bucket in the trail's home region`);
  }
  if (follows("partition", c.organization.partition) && partition !== c.organization.partition) {
    report(["encryption", "kmsKey"], key, `must be in the organization's partition ${c.organization.partition}: a key cannot be used across partitions`);
  }
}

export const TRAIL_KEY_RULES: readonly CrossFieldRule[] = [
  { rule: "encryption.kmsKey is in the home region", source: "AWS CloudTrail User Guide, 'Encrypting CloudTrail log files with AWS KMS keys' (the key must be in the same region as the bucket)" },
  { rule: "encryption.kmsKey is in the organization's partition", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
];
