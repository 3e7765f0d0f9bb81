import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";
import { TRAIL_DELIVERY_DEFAULTS } from "./config";

/**
 * The delivery resources carry the organization-trail module's delivery preconditions too: they are planned before
 * the trail, and would otherwise fail first on a null account or region inside their policies, or on the role
 * name's length. They exist only when their delivery is on, so their conditions need no guard.
 */
const ROLE = "aws_iam_role.cloudtrail_cloudwatch_logs";

export const DELIVERY_NAMES_TRAIL: CrossFieldRule = {
  rule: "organization-trail module: management_account_id and trail_home_region are set when cloud_watch_logs_enabled or sns_topic_enabled (the config always has both)",
  source: "orgtrail, docs/operating.md: every delivery policy's aws:SourceArn is the trail's ARN, arn:<partition>:cloudtrail:<home-region>:<management-account>:trail/<name>",
  precondition: {
    module: "organization-trail",
    errorMessage: "management_account_id and trail_home_region must be set when cloud_watch_logs_enabled or sns_topic_enabled: every delivery policy names the trail's ARN.",
    on: {
      "aws_cloudtrail.organization": "!(var.cloud_watch_logs_enabled || var.sns_topic_enabled) || (var.management_account_id != null && var.trail_home_region != null)",
      [ROLE]: "var.management_account_id != null && var.trail_home_region != null",
      "aws_iam_role_policy.cloudtrail_cloudwatch_logs": "var.management_account_id != null && var.trail_home_region != null",
      "aws_sns_topic_policy.cloudtrail_notifications": "var.management_account_id != null && var.trail_home_region != null",
    },
  },
};

export const DELIVERY_ROLE_NAME_FITS: CrossFieldRule = {
  rule: "trail.cloudWatchLogs.roleName is set when the default <trail.name>-cloudwatch-logs exceeds 64 characters",
  source: "IAM API Reference, 'CreateRole', RoleName",
  check: (c, report) => {
    const t = c.trail;
    if (t.cloudWatchLogs && !t.cloudWatchLogs.roleName && TRAIL_DELIVERY_DEFAULTS.roleName(t.name).length > 64) {
      report(["trail", "cloudWatchLogs", "roleName"], undefined, `must be set: the default ${TRAIL_DELIVERY_DEFAULTS.roleName(t.name)} is longer than 64 characters`);
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: "cloud_watch_logs_role_name must be set: the default <trail_name>-cloudwatch-logs is longer than 64 characters.",
    on: {
      "aws_cloudtrail.organization": "!var.cloud_watch_logs_enabled || length(local.cloud_watch_logs_role_name) <= 64",
      [ROLE]: "length(local.cloud_watch_logs_role_name) <= 64",
    },
  },
};

export const TRAIL_DELIVERY_RULES: readonly CrossFieldRule[] = [
  DELIVERY_NAMES_TRAIL,
  DELIVERY_ROLE_NAME_FITS,
  {
    rule: "trail.cloudWatchLogs.kmsKey and trail.snsTopic.kmsKey are in the home region",
    source: "Amazon CloudWatch Logs User Guide, 'Encrypt log data in CloudWatch Logs using AWS Key Management Service'; Amazon SNS Developer Guide, 'Encryption at rest'",
    check: (c, report) => {
      for (const [path, key] of [
        [["trail", "cloudWatchLogs", "kmsKey"], c.trail.cloudWatchLogs?.kmsKey],
        [["trail", "snsTopic", "kmsKey"], c.trail.snsTopic?.kmsKey],
      ] as const) {
        if (key && key !== "trail" && follows("kmsKeyArn", key) && key.split(":")[3] !== c.organization.homeRegion) {
          report([...path], key, `must be a key in the home region ${c.organization.homeRegion}, where the log group and topic are created`);
        }
      }
    },
  },
];
