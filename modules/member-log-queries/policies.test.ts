import type { ResolvedDocument } from "../shared/document";
import { measure } from "../shared/limits";
import { policiesOf } from "../../stacks/policy-sizes";
import { checkPolicy, evaluate, role, type Organization, type PolicyJson } from "../../__tests__/helpers/oracle";
import { config } from "../../__tests__/helpers/config";

// A member's Athena reads across accounts: its identity policy (member-log-queries) and the archive's bucket and
// key policies together, through the IAM simulator. Each member reads, lists and locates its own folder; never
// another member's, whatever its own identity policy says.
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const M1 = "333333333333";
const M2 = "444444444444";
const OUTSIDER = "999999999999";
const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";
const KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const folder = (account: string) => `cloudtrail/AWSLogs/o-exampleorgid/${account}/`;
const object = (account: string) => `${BUCKET}/${folder(account)}CloudTrail/us-east-1/2026/01/02/${account}_CloudTrail_us-east-1_20260102T0000Z_abc.json.gz`;
const org: Organization = { orgId: "o-exampleorgid", managementAccountId: MGMT, logArchiveAccountId: ARCHIVE, members: [M1, M2], foreign: [{ orgId: "o-otherorgid123", accounts: [OUTSIDER] }] };
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const c = config({ logArchive: { accountId: ARCHIVE, keyPrefix: "cloudtrail" }, memberLogQueries: { accounts: [M1, M2] } } as never);
const docs = Object.fromEntries(policiesOf(c).map((p) => [p.name, p])) as Record<string, { document: ResolvedDocument; kind: Parameters<typeof measure>[2] }>;
const json = (d: ResolvedDocument) => d as unknown as PolicyJson;
const bucketPolicy = json(docs["log archive bucket policy"].document);
const keyPolicy = json(docs["trail KMS key policy"].document);
const queryPolicy = (account: string) => json(docs[`member ${account} log queries policy`].document);

describe("member log queries: the identity policy", () => {
  test("one per listed member account, a Sid on every statement, valid actions, within the managed-policy limit", async () => {
    for (const account of [M1, M2]) {
      const p = docs[`member ${account} log queries policy`];
      expect(p.kind).toBe("managedPolicy");
      await expect(checkPolicy(json(p.document), p.kind)).resolves.toBeUndefined();
      expect(p.document.Statement.every((s) => /^[A-Za-z0-9]+$/.test(s.Sid))).toBe(true);
      const m = measure(`member ${account}`, p.document, p.kind);
      expect(m.size).toBeLessThan(m.limit / 2);
    }
    expect(policiesOf(config()).some((p) => p.name.includes("log queries"))).toBe(false);
  });

  const s3 = (account: string, action: string, resource: string, identity: PolicyJson[], prefix?: string) =>
    evaluate(org, { principal: role(account, "Analyst"), action, resource, context: prefix === undefined ? {} : { s3Prefix: prefix } }, { resourcePolicy: bucketPolicy, identityPolicies: identity });

  test("a member's principal reads, lists and locates its own folder", async () => {
    expect(await s3(M1, "s3:GetObject", object(M1), [queryPolicy(M1)])).toBe("Allowed");
    expect(await s3(M1, "s3:ListBucket", BUCKET, [queryPolicy(M1)], `${folder(M1)}CloudTrail/us-east-1/2026/01/02/`)).toBe("Allowed");
    expect(await s3(M1, "s3:GetBucketLocation", BUCKET, [queryPolicy(M1)])).toBe("Allowed");
  });

  test("never another member's folder: not with this policy, not with another member's policy, not with allow-all", async () => {
    for (const identity of [[queryPolicy(M1)], [queryPolicy(M2)], [ALLOW_ALL]]) {
      expect(await s3(M1, "s3:GetObject", object(M2), identity)).not.toBe("Allowed");
      expect(await s3(M1, "s3:ListBucket", BUCKET, identity, `${folder(M2)}CloudTrail/`)).not.toBe("Allowed");
    }
  });

  test("the bucket policy's GetBucketLocation grant is the organization's: not an outsider's, not without an identity policy", async () => {
    expect(await s3(OUTSIDER, "s3:GetBucketLocation", BUCKET, [ALLOW_ALL])).not.toBe("Allowed");
    expect(await s3(M1, "s3:GetBucketLocation", BUCKET, [])).not.toBe("Allowed");
    expect(await s3(M2, "s3:GetBucketLocation", BUCKET, [ALLOW_ALL])).toBe("Allowed");
  });

  test("decrypts log files only through S3, under CloudTrail's encryption context", async () => {
    const decrypt = (viaService?: string) =>
      evaluate(org, { principal: role(M1, "Analyst"), action: "kms:Decrypt", resource: KEY, context: { encryptionContext: { "aws:cloudtrail:arn": TRAIL }, ...(viaService ? { viaService } : {}) } }, { keyPolicy, identityPolicies: [queryPolicy(M1)] });
    expect(await decrypt("s3.us-east-1.amazonaws.com")).toBe("Allowed");
    expect(await decrypt()).not.toBe("Allowed");
  });

  test("Athena and Glue on its own workgroup, database and table only", async () => {
    const act = (action: string, resource: string) => evaluate(org, { principal: role(M1, "Analyst"), action, resource }, { identityPolicies: [queryPolicy(M1)] });
    const wg = (name: string) => `arn:aws:athena:us-east-1:${M1}:workgroup/${name}`;
    expect(await act("athena:StartQueryExecution", wg("orgtrail-cloudtrail"))).toBe("Allowed");
    expect(await act("athena:GetQueryResults", wg("orgtrail-cloudtrail"))).toBe("Allowed");
    expect(await act("athena:StartQueryExecution", wg("primary"))).toBe("ImplicitlyDenied");
    expect(await act("athena:DeleteWorkGroup", wg("orgtrail-cloudtrail"))).toBe("ImplicitlyDenied");
    expect(await act("glue:GetTable", `arn:aws:glue:us-east-1:${M1}:table/orgtrail_cloudtrail/cloudtrail_logs`)).toBe("Allowed");
    expect(await act("glue:GetPartitions", `arn:aws:glue:us-east-1:${M1}:database/orgtrail_cloudtrail`)).toBe("Allowed");
    expect(await act("glue:GetTable", `arn:aws:glue:us-east-1:${M1}:table/finance/payments`)).toBe("ImplicitlyDenied");
    expect(await act("glue:DeleteTable", `arn:aws:glue:us-east-1:${M1}:table/orgtrail_cloudtrail/cloudtrail_logs`)).toBe("ImplicitlyDenied");
  });

  test("writes query results to its own results bucket only", async () => {
    const act = (action: string, resource: string) => evaluate(org, { principal: role(M1, "Analyst"), action, resource, resourceAccount: M1 }, { identityPolicies: [queryPolicy(M1)] });
    expect(await act("s3:PutObject", `arn:aws:s3:::orgtrail-athena-results-${M1}-us-east-1/abc.csv`)).toBe("Allowed");
    expect(await act("s3:PutObject", "arn:aws:s3:::some-other-bucket/abc.csv")).toBe("ImplicitlyDenied");
    expect(await act("s3:PutObject", `${BUCKET}/${folder(M1)}planted.json.gz`)).toBe("ImplicitlyDenied");
  });
});
