import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { follows } from "../shared/rules/field-rules";
import { TRAIL_DELIVERY_DEFAULTS } from "./config";

export function checkTrailDelivery(c: Config, report: Report): void {
  const t = c.trail;
  const cwl = t.cloudWatchLogs;
  if (cwl && !cwl.roleName && TRAIL_DELIVERY_DEFAULTS.roleName(t.name).length > 64) {
    report(["trail", "cloudWatchLogs", "roleName"], undefined, `must be set: the default ${TRAIL_DELIVERY_DEFAULTS.roleName(t.name)} is longer than 64 characters`);
  }
  for (const [path, key] of [
    [["trail", "cloudWatchLogs", "kmsKey"], cwl?.kmsKey],
    [["trail", "snsTopic", "kmsKey"], t.snsTopic?.kmsKey],
  ] as const) {
    if (key && key !== "trail" && follows("kmsKeyArn", key) && key.split(":")[3] !== c.organization.homeRegion) {
      report([...path], key, `must be a key in the home region ${c.organization.homeRegion}, where the log group and topic are created`);
    }
  }
}

export const TRAIL_DELIVERY_RULES: readonly CrossFieldRule[] = [
  { rule: "trail.cloudWatchLogs.roleName is set when the default <trail.name>-cloudwatch-logs exceeds 64 characters", source: "IAM API Reference, 'CreateRole', RoleName" },
  { rule: "trail.cloudWatchLogs.kmsKey and trail.snsTopic.kmsKey are in the home region", source: "Amazon CloudWatch Logs User Guide, 'Encrypt log data in CloudWatch Logs using AWS Key Management Service'; Amazon SNS Developer Guide, 'Encryption at rest'" },
];
