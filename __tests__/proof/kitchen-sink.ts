import type { Config } from "../../config/schema";
import { config } from "../helpers/config";

/**
 * Configs with every feature on, one per partition (and home region): a dedicated log-archive account, a
 * delegated administrator, a key prefix, Object Lock, narrowing by principal ARN and tag, CloudWatch Logs and SNS
 * delivery, data events and Insights, member reader roles (with MFA), third parties with and without an account
 * scope, every user policy, and the guardrail with archive protection, break glass and the deploying roles.
 */
export const KS = { management: "111111111111", archive: "222222222222", admin: "555555555555", memberA: "333333333333", memberB: "444444444444" } as const;

export function kitchenSink(partition: "aws" | "aws-cn" | "aws-us-gov", region: string): Config {
  const arn = (account: string, rest: string) => `arn:${partition}:iam::${account}:role/${rest}`;
  return config({
    organization: { partition, homeRegion: region, delegatedAdminAccountId: KS.admin },
    logArchive: { accountId: KS.archive, keyPrefix: "org/trails", objectLock: { mode: "GOVERNANCE", retentionDays: 365 } },
    memberAccess: { principalArnPattern: `arn:${partition}:iam::*:role/LogReader*`, principalTag: { key: "team", value: "security" } },
    trail: {
      cloudWatchLogs: {},
      snsTopic: {},
      insights: ["ApiCallRateInsight", "ApiErrorRateInsight"],
      dataEvents: { s3Objects: [{ bucketName: "example-data-bucket", prefix: "reports/" }], lambdaFunctionArns: [`arn:${partition}:lambda:${region}:${KS.memberA}:function:audit`] },
    },
    memberRoles: [{ accountId: KS.memberA, requireMfa: true }, { accountId: KS.memberB, roleName: "AuditReader" }],
    thirdPartyReaders: [
      { name: "SiemVendor", accountId: "999999999999", externalId: "siem-ext-id-1234" },
      { name: "Auditor", accountId: "888888888888", externalId: "aud:1/2", requireMfa: true, accounts: [KS.memberA, KS.memberB] },
    ],
    userPolicies: {},
    deployment: {
      accounts: {
        logArchive: { assumeRoleArn: arn(KS.archive, "OrgTrailDeploy") },
        delegatedAdmin: { assumeRoleArn: arn(KS.admin, "deploy/OrgTrailDeploy") },
      },
    },
    trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [arn(KS.archive, "break-glass/*")], dataPerimeter: true },
  });
}

export const KITCHEN_SINKS: readonly { name: string; config: Config }[] = [
  { name: "kitchen_sink_aws", config: kitchenSink("aws", "eu-west-1") },
  { name: "kitchen_sink_aws_cn", config: kitchenSink("aws-cn", "cn-north-1") },
  { name: "kitchen_sink_aws_us_gov", config: kitchenSink("aws-us-gov", "us-gov-west-1") },
];
