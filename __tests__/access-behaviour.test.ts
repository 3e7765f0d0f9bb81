import type { Config } from "../config/schema";
import { policiesOf } from "../stacks/policy-sizes";
import { evaluate, role, service, type PolicyJson, type Principal } from "./helpers/oracle";
import { MANAGEMENT, LOG_ARCHIVE, A, B, SIEM, AUDITOR, OUTSIDER, org, TRAIL, BUCKET, KEY } from "./helpers/example-org";
import { config } from "./helpers/synth";

/**
 * Behavioural proofs of the access policies with the IAM-simulator oracle (helpers/oracle.ts): each scenario is a
 * request evaluated against the documents the builders produce for a config, as AWS would receive them (the
 * terraform-access suite proves the planned documents equal these).
 */

const logOf = (account: string, prefix = "cloudtrail/") =>
  `${BUCKET}/${prefix}AWSLogs/o-exampleorgid/${account}/CloudTrail/us-east-1/2025/01/01/${account}_CloudTrail_us-east-1_x.json.gz`;
const folderOf = (account: string) => `cloudtrail/AWSLogs/o-exampleorgid/${account}/`;
const roleArn = (name: string) => `arn:aws:iam::${LOG_ARCHIVE}:role/${name}`;
const THROUGH_S3 = { encryptionContext: { "aws:cloudtrail:arn": TRAIL }, viaService: "s3.us-east-1.amazonaws.com" };

const c: Config = config({
  logArchive: { accountId: LOG_ARCHIVE, keyPrefix: "cloudtrail" },
  memberRoles: [{ accountId: A, requireMfa: true }, { accountId: B }],
  thirdPartyReaders: [
    { name: "SiemVendor", accountId: SIEM, externalId: "siem-ext-id-1234" },
    { name: "Auditor", accountId: AUDITOR, externalId: "aud:1/2", requireMfa: true, accounts: [A] },
  ],
  userPolicies: {},
  trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [`arn:aws:iam::${LOG_ARCHIVE}:role/BreakGlass`] },
});
const docs = Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document as unknown as PolicyJson]));
const doc = (name: string): PolicyJson => {
  if (!docs[name]) throw new Error(`no policy "${name}"; have ${Object.keys(docs).join(", ")}`);
  return docs[name];
};
const bucketPolicy = doc("log archive bucket policy");
const keyPolicy = doc("trail KMS key policy");

/** The caller's own identity policy: AWS requires it for a cross-account AssumeRole (reference/aws-docs/002_*). */
const mayAssume = (target: string): PolicyJson => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: target }] });
const ADMIN: PolicyJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const assume = (principal: Principal, roleName: string, opts: { externalId?: string; identity?: boolean } = {}) =>
  evaluate(
    org,
    { principal, action: "sts:AssumeRole", resource: roleArn(roleName), context: { externalId: opts.externalId } },
    { resourcePolicy: doc(`role ${roleName} trust`), identityPolicies: opts.identity === false ? [] : [mayAssume(roleArn(roleName))] },
  );

/** A request by the assumed reader role itself (it lives in the log-archive account), against bucket or key. */
const asReader = (roleName: string) => {
  const principal = role(LOG_ARCHIVE, roleName);
  const identityPolicies = [doc(`role ${roleName} inline`)];
  return {
    get: (object: string) => evaluate(org, { principal, action: "s3:GetObject", resource: object }, { resourcePolicy: bucketPolicy, identityPolicies }),
    list: (prefix?: string) =>
      evaluate(org, { principal, action: "s3:ListBucket", resource: BUCKET, context: prefix === undefined ? {} : { s3Prefix: prefix } }, { resourcePolicy: bucketPolicy, identityPolicies }),
    put: (object: string) =>
      evaluate(org, { principal, action: "s3:PutObject", resource: object, context: { s3Acl: "bucket-owner-full-control" } }, { resourcePolicy: bucketPolicy, identityPolicies }),
    decrypt: (context: { viaService?: string; encryptionContext?: Record<string, string> }) =>
      evaluate(org, { principal, action: "kms:Decrypt", resource: KEY, context }, { keyPolicy, identityPolicies }),
  };
};

describe("member reader roles (scenario 1)", () => {
  const roleA = "OrgTrailLogReader-333333333333";
  const roleB = "OrgTrailLogReader-444444444444";

  test("only member B's principals may assume B's role, and only with sts:AssumeRole in their own identity policy", async () => {
    expect(await assume(role(B, "Developer"), roleB)).toBe("Allowed");
    expect(await assume(role(A, "Developer"), roleB)).toBe("ImplicitlyDenied");
    expect(await assume(role(OUTSIDER, "Developer"), roleB)).toBe("ImplicitlyDenied");
    expect(await assume(role(B, "Developer"), roleB, { identity: false })).toBe("ImplicitlyDenied");
  });

  test("assuming A's role requires MFA, as configured", async () => {
    expect(await assume(role(A, "Developer", { mfa: true }), roleA)).toBe("Allowed");
    expect(await assume(role(A, "Developer", { mfa: false }), roleA)).toBe("ImplicitlyDenied");
    expect(await assume(role(B, "Developer", { mfa: true }), roleA)).toBe("ImplicitlyDenied");
  });

  test("A's role reads A's logs and not B's, nor the log-archive account's own folder that the bucket policy grants it", async () => {
    const reader = asReader(roleA);
    expect(await reader.get(logOf(A))).toBe("Allowed");
    expect(await reader.get(logOf(B))).toBe("ExplicitlyDenied");
    expect(await reader.get(logOf(LOG_ARCHIVE))).toBe("ExplicitlyDenied");
    expect(await asReader(roleB).get(logOf(B))).toBe("Allowed");
    expect(await asReader(roleB).get(logOf(A))).toBe("ExplicitlyDenied");
  });

  test("the role's Deny outside its scope is what stops the bucket policy's own-folder grant (without it: allowed)", async () => {
    const inline = doc(`role ${roleA} inline`) as { Statement: { Effect: string }[] };
    const allowsOnly = { ...inline, Statement: inline.Statement.filter((s) => s.Effect === "Allow") };
    const get = (identity: PolicyJson) =>
      evaluate(org, { principal: role(LOG_ARCHIVE, roleA), action: "s3:GetObject", resource: logOf(LOG_ARCHIVE) }, { resourcePolicy: bucketPolicy, identityPolicies: [identity] });
    expect(await get(allowsOnly)).toBe("Allowed");
    expect(await get(inline)).toBe("ExplicitlyDenied");
  });

  test("A's role lists A's folder (with the trailing slash) only", async () => {
    const reader = asReader(roleA);
    expect(await reader.list(folderOf(A))).toBe("Allowed");
    expect(await reader.list(`${folderOf(A)}CloudTrail/us-east-1/`)).toBe("Allowed");
    expect(await reader.list(folderOf(B))).toBe("ExplicitlyDenied");
    expect(await reader.list(folderOf(LOG_ARCHIVE))).toBe("ExplicitlyDenied");
    expect(await reader.list("cloudtrail/AWSLogs/o-exampleorgid/")).toBe("ExplicitlyDenied");
    expect(await reader.list()).toBe("ExplicitlyDenied");
  });

  test("A's role decrypts through S3 under CloudTrail's encryption context only, and writes nothing", async () => {
    const reader = asReader(roleA);
    expect(await reader.decrypt(THROUGH_S3)).toBe("Allowed");
    expect(await reader.decrypt({ encryptionContext: THROUGH_S3.encryptionContext })).toBe("ImplicitlyDenied");
    expect(await reader.decrypt({ viaService: THROUGH_S3.viaService, encryptionContext: { "aws:s3:arn": BUCKET } })).toBe("ImplicitlyDenied");
    expect(await reader.put(logOf(A))).toBe("ImplicitlyDenied");
  });
});

describe("third-party readers (scenario 2)", () => {
  test("the third party assumes its role only with the exact external ID", async () => {
    const siem = role(SIEM, "Collector");
    expect(await assume(siem, "SiemVendor", { externalId: "siem-ext-id-1234" })).toBe("Allowed");
    expect(await assume(siem, "SiemVendor", { externalId: "siem-ext-id-123" })).toBe("ImplicitlyDenied");
    expect(await assume(siem, "SiemVendor", { externalId: "SIEM-EXT-ID-1234" })).toBe("ImplicitlyDenied");
    expect(await assume(siem, "SiemVendor", { externalId: "siem-ext-id-1234x" })).toBe("ImplicitlyDenied");
    expect(await assume(siem, "SiemVendor")).toBe("ImplicitlyDenied");
  });

  test("another account with the right external ID cannot assume it (confused deputy)", async () => {
    expect(await assume(role(AUDITOR, "Collector"), "SiemVendor", { externalId: "siem-ext-id-1234" })).toBe("ImplicitlyDenied");
    expect(await assume(role(A, "Developer", { mfa: true }), "SiemVendor", { externalId: "siem-ext-id-1234" })).toBe("ImplicitlyDenied");
  });

  test("MFA as well as the external ID when configured", async () => {
    expect(await assume(role(AUDITOR, "Analyst", { mfa: true }), "Auditor", { externalId: "aud:1/2" })).toBe("Allowed");
    expect(await assume(role(AUDITOR, "Analyst", { mfa: false }), "Auditor", { externalId: "aud:1/2" })).toBe("ImplicitlyDenied");
  });

  test("with no scope it reads every member's logs and nothing outside the organization's folder", async () => {
    const siem = asReader("SiemVendor");
    for (const account of [A, B, MANAGEMENT, LOG_ARCHIVE]) expect(await siem.get(logOf(account))).toBe("Allowed");
    expect(await siem.list("cloudtrail/AWSLogs/o-exampleorgid/")).toBe("Allowed");
    expect(await siem.get(`${BUCKET}/cloudtrail/AWSLogs/${MANAGEMENT}/CloudTrail/us-east-1/2025/01/01/x.json.gz`)).toBe("ExplicitlyDenied");
    expect(await siem.get(`${BUCKET}/other/object`)).toBe("ExplicitlyDenied");
    expect(await siem.list()).toBe("ExplicitlyDenied");
    expect(await siem.put(logOf(A))).toBe("ImplicitlyDenied");
    expect(await siem.decrypt(THROUGH_S3)).toBe("Allowed");
  });

  test("with a scope it reads exactly the granted accounts", async () => {
    const auditor = asReader("Auditor");
    expect(await auditor.get(logOf(A))).toBe("Allowed");
    expect(await auditor.list(folderOf(A))).toBe("Allowed");
    expect(await auditor.get(logOf(B))).toBe("ExplicitlyDenied");
    expect(await auditor.get(logOf(LOG_ARCHIVE))).toBe("ExplicitlyDenied");
    expect(await auditor.list(folderOf(B))).toBe("ExplicitlyDenied");
    expect(await auditor.list("cloudtrail/AWSLogs/o-exampleorgid/")).toBe("ExplicitlyDenied");
  });
});

describe("CloudTrail user policies (management account)", () => {
  const onTrail = (identityPolicies: PolicyJson[], action: string, resource = TRAIL, account = MANAGEMENT) =>
    evaluate(org, { principal: role(account, "Operator"), action, resource }, { identityPolicies });
  const readOnly = doc("CloudTrail read-only policy");
  const admin = doc("CloudTrail administration policy");
  const protect = doc("protect-trail policy");
  const TAMPERING = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"];

  test("the read-only user reads trail status and cannot stop, start, delete or change the trail", async () => {
    expect(await onTrail([readOnly], "cloudtrail:GetTrailStatus")).toBe("Allowed");
    expect(await onTrail([readOnly], "cloudtrail:GetEventSelectors")).toBe("Allowed");
    for (const action of [...TAMPERING, "cloudtrail:StartLogging", "cloudtrail:CreateTrail"]) expect([action, await onTrail([readOnly], action)]).toEqual([action, "ImplicitlyDenied"]);
  });

  test("the trail administrator administers trails but not the bucket or topics (narrower than AWS's example)", async () => {
    for (const action of [...TAMPERING, "cloudtrail:StartLogging"]) expect([action, await onTrail([admin], action)]).toEqual([action, "Allowed"]);
    const other = (action: string, resource: string) => evaluate(org, { principal: role(MANAGEMENT, "Operator"), action, resource }, { identityPolicies: [admin] });
    expect(await other("s3:PutBucketPolicy", "arn:aws:s3:::any-bucket")).toBe("ImplicitlyDenied");
    expect(await other("s3:DeleteBucket", BUCKET)).toBe("ImplicitlyDenied");
    expect(await other("s3:DeleteObject", logOf(A))).toBe("ImplicitlyDenied");
    expect(await other("sns:DeleteTopic", `arn:aws:sns:us-east-1:${MANAGEMENT}:topic`)).toBe("ImplicitlyDenied");
    expect(await other("iam:PassRole", `arn:aws:iam::${MANAGEMENT}:role/Anything`)).toBe("ImplicitlyDenied");
    expect(await other("cloudtrail:StopLogging", `arn:aws:cloudtrail:us-east-1:${A}:trail/member-trail`)).toBe("ImplicitlyDenied");
  });

  // Defect 3 of issue 13: GetRole sat under iam:AWSServiceName, which only CreateServiceLinkedRole sends.
  test("the trail administrator may read and create CloudTrail's service-linked role, and no other role", async () => {
    const slr = `arn:aws:iam::${MANAGEMENT}:role/aws-service-role/cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail`;
    const iam = (action: string, resource: string, extra?: Record<string, string>) =>
      evaluate(org, { principal: role(MANAGEMENT, "Operator"), action, resource, context: { extra } }, { identityPolicies: [admin] });
    expect(await iam("iam:GetRole", slr)).toBe("Allowed");
    expect(await iam("iam:CreateServiceLinkedRole", slr, { "iam:AWSServiceName": "cloudtrail.amazonaws.com" })).toBe("Allowed");
    expect(await iam("iam:CreateServiceLinkedRole", slr, { "iam:AWSServiceName": "config.amazonaws.com" })).toBe("ImplicitlyDenied");
    expect(await iam("iam:GetRole", `arn:aws:iam::${MANAGEMENT}:role/OrganizationAccountAccessRole`)).toBe("ImplicitlyDenied");
    expect(await iam("iam:GetRole", `arn:aws:iam::${MANAGEMENT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`)).toBe("ImplicitlyDenied");
  });

  test("the protect-trail Deny wins over the trail administrator's and an administrator's Allow, on the organization trail only", async () => {
    for (const allow of [admin, ADMIN]) {
      for (const action of [...TAMPERING, "cloudtrail:StartLogging"]) expect([action, await onTrail([allow, protect], action)]).toEqual([action, "ExplicitlyDenied"]);
      expect(await onTrail([allow, protect], "cloudtrail:GetTrailStatus")).toBe("Allowed");
    }
    expect(await onTrail([ADMIN, protect], "cloudtrail:StopLogging", `arn:aws:cloudtrail:us-east-1:${MANAGEMENT}:trail/another-trail`)).toBe("Allowed");
  });
});

// The trail guardrail SCP's behaviour (exact exemptions, deploying roles, archive protection) is proven beside it,
// in modules/trail-guardrail/guardrail-scp.test.ts.

describe("same-account readers in the log-archive account", () => {
  const reader = { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket", "kms:Decrypt"], Resource: "*" }] };
  const variants: [string, Config][] = [
    ["bucket-policy member access on", c],
    ["member access narrowed by principal ARN and tag", config({ logArchive: { accountId: LOG_ARCHIVE, keyPrefix: "cloudtrail" }, memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader", principalTag: { key: "team", value: "security" } } })],
    ["member access off", config({ logArchive: { accountId: LOG_ARCHIVE, keyPrefix: "cloudtrail" }, memberAccess: { enabled: false } })],
  ];

  test.each(variants)("with %s, neither the bucket policy nor the key policy blocks an identity-policy reader", async (_, variant) => {
    const policies = Object.fromEntries(policiesOf(variant).map((p) => [p.name, p.document as unknown as PolicyJson]));
    const principal = role(LOG_ARCHIVE, "SecurityAnalyst");
    const ask = (action: string, resource: string, context = {}) =>
      evaluate(org, { principal, action, resource, context }, { ...(action.startsWith("kms:") ? { keyPolicy: policies["trail KMS key policy"] } : { resourcePolicy: policies["log archive bucket policy"] }), identityPolicies: [reader] });
    for (const account of [A, B, LOG_ARCHIVE]) expect(await ask("s3:GetObject", logOf(account))).toBe("Allowed");
    expect(await ask("s3:ListBucket", BUCKET, { s3Prefix: folderOf(B) })).toBe("Allowed");
    expect(await ask("kms:Decrypt", KEY, THROUGH_S3)).toBe("Allowed");
    // Without an identity policy the same principal reads nothing but what the bucket policy grants its account.
    const bare = await evaluate(org, { principal, action: "s3:GetObject", resource: logOf(A) }, { resourcePolicy: policies["log archive bucket policy"] });
    expect(bare).toBe("ImplicitlyDenied");
  });
});
