import type { Config } from "../../config/schema";
import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";

/** The brought key's partition and region, when it is a valid key ARN (a malformed one is reported once, by its field rule). */
function broughtKey(c: Config): { key: string; partition: string; region: string } | undefined {
  const key = c.encryption.kmsKey;
  if (key === "create" || !follows("kmsKeyArn", key)) return undefined;
  const [, partition, , region] = key.split(":");
  return { key, partition, region };
}

export const TRAIL_KEY_RULES: readonly CrossFieldRule[] = [
  {
    rule: "encryption.kmsKey is in the home region",
    source: "AWS CloudTrail User Guide, 'Encrypting CloudTrail log files with AWS KMS keys' (the key must be in the same region as the bucket)",
    check: (c, report) => {
      const k = broughtKey(c);
      if (k && follows("region", c.organization.homeRegion) && k.region !== c.organization.homeRegion) {
        report(["encryption", "kmsKey"], k.key, `must be a key in the home region ${c.organization.homeRegion}: CloudTrail requires the key and the bucket in the trail's home region`);
      }
    },
  },
  {
    rule: "encryption.kmsKey is in the organization's partition",
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)'",
    check: (c, report) => {
      const k = broughtKey(c);
      if (k && follows("partition", c.organization.partition) && k.partition !== c.organization.partition) {
        report(["encryption", "kmsKey"], k.key, `must be in the organization's partition ${c.organization.partition}: a key cannot be used across partitions`);
      }
    },
  },
];
