import { config } from "./helpers/synth";
import { expectedPolicies, planExample, planLogArchiveModule, plannedPolicies, unknownPolicies } from "./helpers/plans";

describe("vendored modules in plain Terraform roots", () => {
  test("examples/two-accounts plans: bucket and key in the log-archive account, trail in management, policies known", () => {
    const c = config({ logArchive: { accountId: "222222222222", keyPrefix: "cloudtrail" } });
    const plan = planExample("two-accounts", c, [undefined, "log_archive"]);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
    const trail = plan.resources.find((r) => r.type === "aws_cloudtrail")!;
    expect(trail.address).toBe("module.organization_trail.aws_cloudtrail.organization");
    expect(trail.values).toMatchObject({ is_organization_trail: true, s3_key_prefix: "cloudtrail", tags: { team: "platform" } });
  });

  test("examples/single-account plans with the defaults", () => {
    const c = config();
    const plan = planExample("single-account", c, [undefined]);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
  });

  test.each([
    ["narrowing by ARN pattern and tag, Object Lock", config({ logArchive: { objectLock: { mode: "COMPLIANCE", retentionDays: 10 } }, memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader", principalTag: { key: "team", value: "security" } } })],
    ["tag only, key prefix", config({ logArchive: { keyPrefix: "a/b" }, memberAccess: { principalTag: { key: "team", value: "security" } } })],
    ["member access off, brought key, no access logs", config({ memberAccess: { enabled: false }, logArchive: { accessLogs: { enabled: false } }, encryption: { kmsKey: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" } })],
  ])("the log-archive module with %s plans the same policies as the deploy stack", (_, c) => {
    const plan = planLogArchiveModule(c);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
    const has = (type: string, name: string) => plan.resources.some((r) => r.address.replace(/\[0\]$/, "") === `module.log_archive.${type}.${name}`);
    expect(has("aws_kms_key", "cloudtrail")).toBe(c.encryption.kmsKey === "create");
    expect(has("aws_s3_bucket", "access_logs")).toBe(c.logArchive.accessLogs.enabled);
    expect(has("aws_s3_bucket_object_lock_configuration", "log_archive")).toBe(c.logArchive.objectLock !== undefined);
  });
});
