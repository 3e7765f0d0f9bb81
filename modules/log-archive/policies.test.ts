import { config } from "../../__tests__/helpers/config";
import { policy, statement, TRAIL_ARN } from "../../__tests__/helpers/documents";

describe("log archive bucket policy", () => {
  const doc = policy(config(), "log archive bucket policy");

  test("Version 2012-10-17 (policy variables are literal text without it) and a unique Sid on every statement", () => {
    expect(doc.Version).toBe("2012-10-17");
    const sids = doc.Statement.map((s) => s.Sid);
    expect(sids.every((s) => /^[A-Za-z0-9]+$/.test(s))).toBe(true);
    expect(new Set(sids).size).toBe(sids.length);
  });

  test("CloudTrail checks the ACL, bound to the trail", () => {
    expect(statement(doc, "CloudTrailAclCheck")).toEqual({
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: "arn:aws:s3:::example-org-cloudtrail-logs",
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
  });

  test.each([
    ["CloudTrailWriteOrganization", "o-exampleorgid"],
    ["CloudTrailWriteManagementAccount", "111111111111"],
  ])("%s writes under AWSLogs/%s with the ACL header and the trail's SourceArn", (sid, folder) => {
    const s = statement(doc, sid);
    expect(s.Principal).toEqual({ Service: "cloudtrail.amazonaws.com" });
    expect(s.Action).toBe("s3:PutObject");
    expect(s.Resource).toBe(`arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/${folder}/*`);
    expect(s.Condition).toEqual({ StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": TRAIL_ARN } });
  });

  test("members read and list only their own folder, inside the organization", () => {
    const read = statement(doc, "MemberReadOwnLogs");
    expect(read).toMatchObject({ Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:GetObject" });
    expect(read.Resource).toBe("arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/${aws:PrincipalAccount}/*");
    expect(read.Condition).toEqual({ StringEquals: { "aws:PrincipalOrgID": "o-exampleorgid" } });
    const list = statement(doc, "MemberListOwnLogs");
    expect(list).toMatchObject({ Action: "s3:ListBucket", Resource: "arn:aws:s3:::example-org-cloudtrail-logs" });
    expect(list.Condition).toEqual({
      StringEquals: { "aws:PrincipalOrgID": "o-exampleorgid" },
      StringLike: { "s3:prefix": "AWSLogs/o-exampleorgid/${aws:PrincipalAccount}/*" },
    });
  });

  test("non-TLS requests are denied on the bucket and its objects", () => {
    expect(statement(doc, "DenyInsecureTransport")).toEqual({
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: { AWS: "*" },
      Action: "s3:*",
      Resource: ["arn:aws:s3:::example-org-cloudtrail-logs", "arn:aws:s3:::example-org-cloudtrail-logs/*"],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  test("no statement denies unencrypted uploads or other keys (AWS: it prevents creating the organization trail)", () => {
    const conditionKeys = doc.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((c) => Object.keys(c)));
    expect(conditionKeys.filter((k) => k.startsWith("s3:x-amz-server-side-encryption"))).toEqual([]);
  });

  test("the key prefix appears in every object ARN and in the list prefix", () => {
    const d = policy(config({ logArchive: { keyPrefix: "org/cloudtrail" } }), "log archive bucket policy");
    const objectArns = d.Statement.flatMap((s) => [s.Resource].flat()).filter((r) => r.includes("AWSLogs"));
    expect(objectArns).toHaveLength(3);
    for (const arn of objectArns) expect(arn).toMatch(/^arn:aws:s3:::example-org-cloudtrail-logs\/org\/cloudtrail\/AWSLogs\//);
    expect(statement(d, "MemberListOwnLogs").Condition!.StringLike).toEqual({ "s3:prefix": "org/cloudtrail/AWSLogs/o-exampleorgid/${aws:PrincipalAccount}/*" });
  });

  test("narrowing by principal ARN pattern and by tag adds both conditions to both member statements", () => {
    const d = policy(
      config({ memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader", principalTag: { key: "team", value: "security" } } }),
      "log archive bucket policy",
    );
    for (const sid of ["MemberReadOwnLogs", "MemberListOwnLogs"]) {
      const c = statement(d, sid).Condition!;
      expect(c.StringEquals).toEqual({ "aws:PrincipalOrgID": "o-exampleorgid", "aws:PrincipalTag/team": "security" });
      expect(c.ArnLike).toEqual({ "aws:PrincipalArn": "arn:aws:iam::*:role/LogReader" });
    }
  });

  test("member access off removes only the member statements", () => {
    const d = policy(config({ memberAccess: { enabled: false } }), "log archive bucket policy");
    expect(d.Statement.map((s) => s.Sid)).toEqual(["CloudTrailAclCheck", "CloudTrailWriteOrganization", "CloudTrailWriteManagementAccount", "DenyInsecureTransport"]);
  });

  test("the policy's size does not depend on the number of accounts (one statement pair serves all)", () => {
    expect(JSON.stringify(doc)).not.toMatch(/\b(?!111111111111)\d{12}\b/);
  });
});

describe("access-log bucket policy", () => {
  test("S3 logging writes only for the archive bucket of its account, TLS only", () => {
    const doc = policy(config(), "access-log bucket policy");
    expect(doc.Statement[0]).toEqual({
      Sid: "S3ServerAccessLogsWrite",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: "arn:aws:s3:::example-org-cloudtrail-logs-access-logs/example-org-cloudtrail-logs/*",
      Condition: { StringEquals: { "aws:SourceAccount": "111111111111" }, ArnLike: { "aws:SourceArn": "arn:aws:s3:::example-org-cloudtrail-logs" } },
    });
    expect(doc.Statement[1].Sid).toBe("DenyInsecureTransport");
  });
});
