import { advancedEventSelectors, selectorValueCount } from "../modules/event-selectors/selectors";
import { ConfigError, parseConfig } from "../config/load";
import { config, exampleWith } from "./helpers/config";

function problems(overrides: Parameters<typeof exampleWith>[0]): { path: string; message: string }[] {
  try {
    parseConfig(exampleWith(overrides));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).problems];
  }
  throw new Error("config was accepted");
}
const paths = (ps: { path: string }[]) => ps.map((p) => p.path);

describe("operations config", () => {
  test("defaults: nothing new is on; local backend; no per-account settings", () => {
    const c = config();
    expect(c.trail).toEqual({ name: "org-trail", multiRegion: true, includeGlobalServiceEvents: true, logFileValidation: true });
    expect(c.organization.delegatedAdminAccountId).toBeUndefined();
    expect(c.deployment).toEqual({ backend: { type: "local" }, accounts: {} });
  });

  test("an empty cloudWatchLogs / snsTopic / managementEvents / s3 backend get their defaults", () => {
    const c = config({ trail: { cloudWatchLogs: {}, snsTopic: {}, managementEvents: {}, dataEvents: {} }, deployment: { backend: { type: "s3", bucket: "state-bucket" } } });
    expect(c.trail.cloudWatchLogs).toEqual({ retentionDays: 365, kmsKey: "trail" });
    expect(c.trail.snsTopic).toEqual({ kmsKey: "trail" });
    expect(c.trail.managementEvents).toEqual({ enabled: true, readWriteType: "All", excludeEventSources: [] });
    expect(c.trail.dataEvents).toEqual({ readWriteType: "All", s3Objects: [], lambdaFunctionArns: [] });
    expect(c.deployment.backend).toEqual({ type: "s3", bucket: "state-bucket", encrypt: true, useLockfile: true });
  });

  test("field rules: every bad value is reported with its path", () => {
    const ps = problems({
      trail: {
        cloudWatchLogs: { retentionDays: 2, logGroupName: "bad name", roleName: "x".repeat(65) },
        snsTopic: { name: "bad.topic", kmsKey: "alias/aws/sns" },
        managementEvents: { readWriteType: "Some" as never, excludeEventSources: ["s3.amazonaws.com"] },
        dataEvents: { s3Objects: [{ bucketName: "Bad_Bucket", prefix: "/x*" }], lambdaFunctionArns: ["arn:aws:lambda:us-east-1:1:function:f"] },
        insights: ["ApiCallRate" as never],
      },
      organization: { delegatedAdminAccountId: "12" },
      deployment: { backend: { type: "s3", bucket: "b", key: "/abs" } as never, accounts: { management: { assumeRoleArn: "arn:aws:iam::1:user/x" } } },
    });
    expect(paths(ps)).toEqual(
      expect.arrayContaining([
        "trail.cloudWatchLogs.retentionDays",
        "trail.cloudWatchLogs.logGroupName",
        "trail.cloudWatchLogs.roleName",
        "trail.snsTopic.name",
        "trail.snsTopic.kmsKey",
        "trail.managementEvents.readWriteType",
        "trail.managementEvents.excludeEventSources.0",
        "trail.dataEvents.s3Objects.0.bucketName",
        "trail.dataEvents.s3Objects.0.prefix",
        "trail.dataEvents.lambdaFunctionArns.0",
        "trail.insights.0",
        "organization.delegatedAdminAccountId",
        "deployment.backend.bucket",
        "deployment.backend.key",
        "deployment.accounts.management.assumeRoleArn",
      ]),
    );
  });

  test("cross-field rules, all reported at once", () => {
    const ps = problems({
      organization: { delegatedAdminAccountId: "111111111111" },
      trail: { name: "t".repeat(50), cloudWatchLogs: {}, managementEvents: { enabled: false }, insights: ["ApiErrorRateInsight"] },
      deployment: { backend: { type: "s3", bucket: "state-bucket", encrypt: false, kmsKeyId: "arn:aws:kms:us-east-1:111111111111:key/k" }, accounts: { logArchive: {} } },
    });
    expect(paths(ps).sort()).toEqual(
      [
        "organization.delegatedAdminAccountId",
        "deployment.accounts.logArchive",
        "trail.cloudWatchLogs.roleName",
        "trail.managementEvents.enabled",
        "trail.insights",
        "deployment.backend.encrypt",
      ].sort(),
    );
    expect(ps.find((p) => p.path === "organization.delegatedAdminAccountId")!.message).toMatch(/cannot delegate administration to the management account/);
  });

  test("Insights need the management events they analyse", () => {
    const ps = problems({ trail: { managementEvents: { readWriteType: "ReadOnly" }, insights: ["ApiCallRateInsight", "ApiErrorRateInsight"] } });
    expect(ps).toEqual([expect.objectContaining({ path: "trail.insights", message: expect.stringMatching(/ApiCallRateInsight unless the trail logs write management events/) })]);
    expect(() => config({ trail: { managementEvents: { readWriteType: "ReadOnly" }, insights: ["ApiErrorRateInsight"] } })).not.toThrow();
  });

  test("keys of delivery targets must be in the home region; role ARNs and Lambda ARNs in the partition; delegatedAdmin settings need an admin", () => {
    const ps = problems({
      trail: { cloudWatchLogs: { kmsKey: "arn:aws:kms:eu-west-1:111111111111:key/k" }, dataEvents: { lambdaFunctionArns: ["arn:aws-us-gov:lambda:us-gov-west-1:111111111111:function:f"] } },
      deployment: { accounts: { delegatedAdmin: { profile: "admin" }, management: { externalId: "abc" } } },
    });
    expect(paths(ps).sort()).toEqual(["deployment.accounts.management.assumeRoleArn", "deployment.accounts.delegatedAdmin", "trail.cloudWatchLogs.kmsKey", "trail.dataEvents.lambdaFunctionArns.0"].sort());
  });

  test("selectors over CloudTrail's 500-value limit are refused", () => {
    const many = Array.from({ length: 499 }, (_, i) => ({ bucketName: `bucket-${i}` }));
    expect(paths(problems({ trail: { dataEvents: { s3Objects: many } } }))).toEqual(["trail.dataEvents"]);
    const c = config({ trail: { dataEvents: { s3Objects: many.slice(0, 490) } } });
    expect(selectorValueCount(advancedEventSelectors({ partition: "aws", ...c.trail }))).toBeLessThanOrEqual(500);
  });
});
