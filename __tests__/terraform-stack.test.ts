import { config } from "./helpers/synth";
import type { Plan } from "./helpers/terraform";
import { expectedPolicies, planDeployStack, plannedPolicies, unknownPolicies } from "./helpers/plans";

/** The deploy stack through real `terraform init/validate/plan`, offline, in several config shapes. */
const SHAPES = {
  "the example organization": config(),
  "two accounts, key prefix, narrowing by ARN and tag, Object Lock": config({
    logArchive: { accountId: "222222222222", keyPrefix: "org/cloudtrail", objectLock: { mode: "GOVERNANCE", retentionDays: 30 } },
    memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader", principalTag: { key: "team", value: "security" } },
    tags: { team: "platform" },
  }),
  "brought key, no access logs, no member access": config({
    encryption: { kmsKey: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" },
    logArchive: { accessLogs: { enabled: false } },
    memberAccess: { enabled: false },
  }),
};

describe.each(Object.entries(SHAPES))("deploy stack plan: %s", (_, c) => {
  let plan: Plan;
  beforeAll(() => {
    plan = planDeployStack(c);
  });

  test("plans every resource", () => {
    const types = new Set(plan.resources.map((r) => r.type));
    expect(types).toContain("aws_cloudtrail");
    expect(types).toContain("aws_s3_bucket_policy");
  });

  test("every policy is known at plan time", () => {
    expect(unknownPolicies(plan)).toEqual([]);
  });

  test("the planned policies are exactly what the builders produce (escaping and wiring included)", () => {
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
  });

  test("the trail is an organization trail with the configured settings", () => {
    const trail = plan.resources.find((r) => r.type === "aws_cloudtrail")!.values;
    expect(trail).toMatchObject({ name: c.trail.name, is_organization_trail: true, s3_bucket_name: c.logArchive.bucketName, enable_log_file_validation: true, is_multi_region_trail: true });
    expect(trail.s3_key_prefix ?? null).toBe(c.logArchive.keyPrefix ?? null);
  });
});
