import { parseConfig } from "../../config/load";
import type { Config } from "../../config/schema";
import { policiesOf } from "../../stacks/policy-sizes";
import { measure } from "../shared/limits";
import { resolveDocument } from "../shared/document";
import { evaluate, role, service, type Organization, type PolicyJson, type Principal } from "../../__tests__/helpers/oracle";
import { config, exampleWith } from "../../__tests__/helpers/config";
import { dataPerimeterRcp } from "./perimeter-rcp";

/** The data-perimeter RCP proven with the IAM simulator: who may act on the archive bucket and the trail key. */

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const A = "333333333333";
const FOREIGN = "999999999999";
const org: Organization = { orgId: "o-exampleorgid", managementAccountId: MGMT, logArchiveAccountId: ARCHIVE, members: [A], foreign: [{ orgId: "o-foreignorg01", accounts: [FOREIGN] }] };
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";
const KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const logOf = (account: string) => `${BUCKET}/AWSLogs/o-exampleorgid/${account}/CloudTrail/us-east-1/2025/01/01/${account}_CloudTrail_us-east-1_x.json.gz`;

const c: Config = config({
  logArchive: { accountId: ARCHIVE },
  deployment: { accounts: { logArchive: { assumeRoleArn: `arn:aws:iam::${ARCHIVE}:role/OrgTrailDeploy` } } },
  trailGuardrail: { targetIds: ["r-ab12"], dataPerimeter: true },
});
// Built inside each test, not at load: mutation testing's per-test coverage must see which tests read them.
const docs = () => Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document as unknown as PolicyJson]));
const rcp = () => docs()["data perimeter RCP"];

/** A bucket and key policy gone wrong (an exempt principal's mistake, or worse): everyone allowed everything. */
const OPEN_BUCKET: PolicyJson = { Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: [BUCKET, `${BUCKET}/*`] }] };
const OPEN_KEY: PolicyJson = { Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] };
const FULL: PolicyJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const onArchive = (principal: Principal, action: string, resource: string, opts: { open?: boolean; rcps?: PolicyJson[]; context?: Record<string, unknown> } = {}) => {
  const kms = resource.includes(":kms:");
  const policy = kms ? { keyPolicy: opts.open ? OPEN_KEY : docs()["trail KMS key policy"] } : { resourcePolicy: opts.open ? OPEN_BUCKET : docs()["log archive bucket policy"] };
  return evaluate(org, { principal, action, resource, context: opts.context }, { ...policy, identityPolicies: principal.kind === "role" ? [FULL] : [], rcps: opts.rcps ?? [rcp()] });
};

describe("data perimeter RCP", () => {
  test("principals outside the organization are denied even when the bucket and key policies would let them in", async () => {
    const outsider = role(FOREIGN, "Reader");
    expect(await onArchive(outsider, "s3:GetObject", logOf(A), { open: true, rcps: [] })).toBe("Allowed");
    expect(await onArchive(outsider, "s3:GetObject", logOf(A), { open: true })).toBe("ExplicitlyDenied");
    expect(await onArchive(outsider, "s3:PutBucketPolicy", BUCKET, { open: true })).toBe("ExplicitlyDenied");
    expect(await onArchive(outsider, "kms:Decrypt", KEY, { open: true })).toBe("ExplicitlyDenied");
  });

  test("members keep reading their own logs, and the log-archive account its archive", async () => {
    const member = role(A, "LogReader");
    expect(await onArchive(member, "s3:GetObject", logOf(A))).toBe("Allowed");
    expect(await onArchive(member, "kms:Decrypt", KEY, { context: { encryptionContext: { "aws:cloudtrail:arn": TRAIL }, viaService: "s3.us-east-1.amazonaws.com" } })).toBe("Allowed");
    expect(await onArchive(role(ARCHIVE, "Analyst"), "s3:GetObject", logOf(A))).toBe("Allowed");
  });

  test("CloudTrail writes for this trail only; a service acting for another organization is denied", async () => {
    const write = (principal: Principal, open = false) => onArchive(principal, "s3:PutObject", logOf(A), { open, context: { s3Acl: "bucket-owner-full-control" } });
    expect(await write(service("cloudtrail.amazonaws.com", TRAIL))).toBe("Allowed");
    expect(await write(service("cloudtrail.amazonaws.com", `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/another-trail`), true)).toBe("ExplicitlyDenied");
    expect(await write(service("cloudtrail.amazonaws.com", `arn:aws:cloudtrail:us-east-1:${FOREIGN}:trail/org-trail`), true)).toBe("ExplicitlyDenied");
    const configFor = (account: string) => service("config.amazonaws.com", `arn:aws:config:us-east-1:${account}:config-rule/r`);
    expect(await onArchive(configFor(FOREIGN), "s3:GetBucketAcl", BUCKET, { open: true })).toBe("ExplicitlyDenied");
    expect(await onArchive(configFor(A), "s3:GetBucketAcl", BUCKET, { open: true })).toBe("Allowed");
  });

  test("CloudTrail's key use for this trail passes the perimeter", async () => {
    const ct = service("cloudtrail.amazonaws.com", TRAIL);
    expect(await onArchive(ct, "kms:GenerateDataKey", KEY, { context: { encryptionContext: { "aws:cloudtrail:arn": TRAIL } } })).toBe("Allowed");
    expect(await onArchive(ct, "kms:DescribeKey", KEY)).toBe("Allowed");
  });

  test("is refused with the log archive in the management account, whose resources RCPs never cover", () => {
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: [A], dataPerimeter: true } } as never))).toThrow(/trailGuardrail\.dataPerimeter: must be false while the log archive is in the management account: RCPs never apply/);
  });

  test("stays within 5,120 characters at the longest names the settings allow", () => {
    const doc = dataPerimeterRcp({
      partition: "aws-us-gov",
      organizationId: `o-${"a".repeat(32)}`,
      managementAccountId: MGMT,
      homeRegion: "us-gov-west-1",
      trailName: "t".repeat(128),
      bucketName: "b".repeat(63),
      keyArn: `arn:aws-us-gov:kms:us-gov-west-1:${ARCHIVE}:key/${"k".repeat(36)}`,
    });
    expect(measure("", resolveDocument(doc), "rcp").size).toBeLessThanOrEqual(5120);
  });
});
