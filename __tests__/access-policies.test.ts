import { PolicyTooLargeError } from "../modules/shared/limits";
import type { ResolvedDocument, ResolvedStatement } from "../modules/shared/document";
import { synthesize } from "../stacks/synth";
import { accessPoliciesOf } from "./helpers/access";
import { policySizes } from "../stacks/policy-sizes";
import { checkPolicy, type PolicyJson } from "./helpers/oracle";
import { config } from "./helpers/synth";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Structure of the access policies (the behaviour is proven in access-behaviour.test.ts). */

const accounts = (n: number) => Array.from({ length: n }, (_, i) => String(300000000000 + i));
const everything = (over: Record<string, unknown> = {}) =>
  config({
    logArchive: { accountId: "222222222222", keyPrefix: "cloudtrail" },
    memberRoles: [{ accountId: "333333333333", requireMfa: true }, { accountId: "444444444444", roleName: "AuditReader" }],
    thirdPartyReaders: [
      { name: "SiemVendor", accountId: "999999999999", externalId: "siem-ext-id-1234" },
      { name: "Auditor", accountId: "888888888888", externalId: "aud:1/2", requireMfa: true, accounts: ["333333333333"] },
    ],
    userPolicies: {},
    deployment: { accounts: { logArchive: { assumeRoleArn: "arn:aws:iam::222222222222:role/OrgTrailDeploy" } } },
    trailGuardrail: { targetIds: ["r-ab12", "ou-ab12-abcd1234"], exemptPrincipalArns: ["arn:aws:iam::222222222222:role/break-glass/*"] },
    ...over,
  } as never);

const docs = Object.fromEntries(accessPoliciesOf(everything()).map((p) => [p.name, p]));
const statement = (doc: ResolvedDocument, sid: string): ResolvedStatement => {
  const s = doc.Statement.find((x) => x.Sid === sid);
  if (!s) throw new Error(`no statement ${sid} in ${doc.Statement.map((x) => x.Sid).join(", ")}`);
  return s;
};
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

describe("every access policy", () => {
  test("one per role's trust and inline policy, per user policy, and the SCP, each measured against its own limit", () => {
    expect(Object.fromEntries(Object.values(docs).map((p) => [p.name, p.kind]))).toEqual({
      "role OrgTrailLogReader-333333333333 trust": "trustPolicy",
      "role OrgTrailLogReader-333333333333 inline": "inlinePoliciesPerRole",
      "role AuditReader trust": "trustPolicy",
      "role AuditReader inline": "inlinePoliciesPerRole",
      "role SiemVendor trust": "trustPolicy",
      "role SiemVendor inline": "inlinePoliciesPerRole",
      "role Auditor trust": "trustPolicy",
      "role Auditor inline": "inlinePoliciesPerRole",
      "CloudTrail read-only policy": "managedPolicy",
      "CloudTrail administration policy": "managedPolicy",
      "protect-trail policy": "managedPolicy",
      "trail guardrail SCP": "scp",
    });
  });

  test.each(Object.keys(docs))("%s: Version 2012-10-17, a unique Sid on every statement, real actions and known operators", async (name) => {
    const doc = docs[name].document;
    expect(doc.Version).toBe("2012-10-17");
    const sids = doc.Statement.map((s) => s.Sid);
    expect(sids.every((s) => /^[A-Za-z0-9]+$/.test(s))).toBe(true);
    expect(new Set(sids).size).toBe(sids.length);
    await expect(checkPolicy(doc as unknown as PolicyJson, name)).resolves.toBeUndefined();
  });

  test("no Allow grants a service wildcard (s3:*, sns:*, cloudtrail:*, *)", () => {
    for (const p of Object.values(docs)) {
      for (const s of p.document.Statement.filter((x) => x.Effect === "Allow")) expect([p.name, list(s.Action).filter((a) => a === "*" || a.endsWith(":*"))]).toEqual([p.name, []]);
    }
  });
});

describe("trust policies", () => {
  test("a member role trusts its account's root, with Bool aws:MultiFactorAuthPresent only when MFA is asked", () => {
    expect(docs["role OrgTrailLogReader-333333333333 trust"].document.Statement).toEqual([
      { Sid: "TrustMemberAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::333333333333:root" }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
    ]);
    expect(docs["role AuditReader trust"].document.Statement).toEqual([
      { Sid: "TrustMemberAccount", Effect: "Allow", Principal: { AWS: "arn:aws:iam::444444444444:root" }, Action: "sts:AssumeRole" },
    ]);
  });

  test("a third party's role requires its exact external ID (StringEquals), and MFA when asked", () => {
    expect(statement(docs["role SiemVendor trust"].document, "TrustThirdPartyWithExternalId")).toEqual({
      Sid: "TrustThirdPartyWithExternalId",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::999999999999:root" },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "siem-ext-id-1234" } },
    });
    expect(statement(docs["role Auditor trust"].document, "TrustThirdPartyWithExternalId").Condition).toEqual({
      StringEquals: { "sts:ExternalId": "aud:1/2" },
      Bool: { "aws:MultiFactorAuthPresent": "true" },
    });
  });
});

describe("reader permissions", () => {
  const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";

  test("only GetObject, ListBucket and Decrypt are allowed, on the role's account folder", () => {
    const doc = docs["role OrgTrailLogReader-333333333333 inline"].document;
    expect(doc.Statement.filter((s) => s.Effect === "Allow").flatMap((s) => list(s.Action)).sort()).toEqual(["kms:Decrypt", "s3:GetObject", "s3:ListBucket"]);
    expect(statement(doc, "ReadAccountLogs").Resource).toEqual([`${BUCKET}/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*`]);
    expect(statement(doc, "ListAccountLogs").Condition).toEqual({ StringLike: { "s3:prefix": ["cloudtrail/AWSLogs/o-exampleorgid/333333333333/*"] } });
    expect(statement(doc, "DenyReadOutsideScope").NotResource).toEqual(statement(doc, "ReadAccountLogs").Resource);
  });

  test("decrypt through S3 in the home region, under CloudTrail's context, on the log-archive account's keys (the created key's ARN is unknown at plan time)", () => {
    expect(statement(docs["role SiemVendor inline"].document, "DecryptLogsThroughS3")).toEqual({
      Sid: "DecryptLogsThroughS3",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: "arn:aws:kms:us-east-1:222222222222:key/*",
      Condition: {
        StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" },
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*" },
      },
    });
    const brought = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const withKey = accessPoliciesOf(everything({ encryption: { kmsKey: brought } })).find((p) => p.name === "role SiemVendor inline")!.document;
    expect(statement(withKey, "DecryptLogsThroughS3").Resource).toBe(brought);
  });

  test("a third party without a scope reads the organization's folder; with one, exactly its accounts; never the whole bucket", () => {
    // A list, like the scoped roles' (one element without logArchive.previousKeyPrefixes).
    expect(statement(docs["role SiemVendor inline"].document, "ReadAllAccountLogs").Resource).toEqual([`${BUCKET}/cloudtrail/AWSLogs/o-exampleorgid/*`]);
    expect(statement(docs["role Auditor inline"].document, "ReadAccountLogs").Resource).toEqual([`${BUCKET}/cloudtrail/AWSLogs/o-exampleorgid/333333333333/*`]);
    for (const p of Object.values(docs).filter((x) => x.kind === "inlinePoliciesPerRole")) {
      expect(p.document.Statement.flatMap((s) => list(s.Resource)).filter((r) => r === `${BUCKET}/*` || r === "*")).toEqual([]);
    }
  });
});

describe("user policies and SCP", () => {
  const TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
  const TAMPERING = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"];

  test("protect-trail denies stop, start, delete, update and selector changes on the organization trail's ARN", () => {
    const s = statement(docs["protect-trail policy"].document, "DenyOrganizationTrailChanges");
    expect(s).toMatchObject({ Effect: "Deny", Resource: TRAIL });
    expect(list(s.Action).sort()).toEqual([...TAMPERING, "cloudtrail:StartLogging"].sort());
  });

  test("the SCP denies the tampering actions on the trail's ARN except to the exact exempt roles, listed and deploying", () => {
    const s = statement(docs["trail guardrail SCP"].document, "DenyOrganizationTrailChanges");
    expect(s).toEqual({
      Sid: "DenyOrganizationTrailChanges",
      Effect: "Deny",
      Action: TAMPERING,
      Resource: TRAIL,
      Condition: { ArnNotLike: { "aws:PrincipalArn": ["arn:aws:iam::222222222222:role/break-glass/*", "arn:aws:iam::222222222222:role/OrgTrailDeploy"] } },
    });
    const plain = accessPoliciesOf(everything({ deployment: {}, trailGuardrail: { targetIds: ["333333333333"], protectArchive: false } })).find((p) => p.kind === "scp")!.document;
    expect(plain.Statement).toEqual([{ Sid: "DenyOrganizationTrailChanges", Effect: "Deny", Action: TAMPERING, Resource: TRAIL }]);
    expect(JSON.stringify(plain)).not.toContain("Principal");
  });

  test("only the configured user policies are produced", () => {
    const names = accessPoliciesOf(everything({ userPolicies: { administration: false } })).filter((p) => p.kind === "managedPolicy").map((p) => p.name);
    expect(names).toEqual(["CloudTrail read-only policy", "protect-trail policy"]);
  });
});

describe("sizes", () => {
  test("worst cases stay within the limits: trust with a 1,224-character external ID, SCP with three exempt roles of 64-character names", () => {
    const c = everything({
      thirdPartyReaders: [{ name: "T", accountId: "999999999999", externalId: "x".repeat(1224), requireMfa: true, accounts: accounts(30) }],
      trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [1, 2, 3].map((i) => `arn:aws:iam::22222222222${i}:role/${"r".repeat(64)}`) },
    });
    const sizes = Object.fromEntries(policySizes(c).map((r) => [r.name, r]));
    expect(sizes["role T trust"].size).toBeLessThanOrEqual(2048);
    expect(sizes["trail guardrail SCP"].size).toBeLessThanOrEqual(5120);
    expect(sizes["role T inline"].size).toBeLessThanOrEqual(10240);
    for (const r of Object.values(sizes)) expect([r.name, r.size <= r.limit]).toEqual([r.name, true]);
  });

  test("a third-party scope too large for a role's inline policies stops synth, naming the role, and writes nothing", () => {
    const c = everything({ thirdPartyReaders: [{ name: "T", accountId: "999999999999", externalId: "ext-id", accounts: accounts(40) }] });
    const out = join(mkdtempSync(join(tmpdir(), "orgtrail-too-large-")), "out");
    expect(() => synthesize(c, out)).toThrow(PolicyTooLargeError);
    expect(() => synthesize(c, out)).toThrow(/role T inline: \d+ characters exceeds the AWS limit of 10240 characters/);
    expect(existsSync(out)).toBe(false);
  });
});
