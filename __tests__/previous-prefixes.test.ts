import type { Config } from "../config/schema";
import { policiesOf } from "../stacks/policy-sizes";
import { parseConfig } from "../config/load";
import { evaluate, role, service, type PolicyJson, type Principal } from "./helpers/oracle";
import { MANAGEMENT, LOG_ARCHIVE, A, B, SIEM, AUDITOR, org, TRAIL, BUCKET } from "./helpers/example-org";
import { config, exampleWith } from "./helpers/synth";

/**
 * logArchive.previousKeyPrefixes, proven with the IAM-simulator oracle: after the trail's key prefix moved from
 * "cloudtrail" (and before that from none) to "cloudtrail-v2", members, member reader roles and third parties read
 * their history under the old prefixes exactly as under the new one, and CloudTrail writes only under the new one.
 */

const CURRENT = "cloudtrail-v2/";
const OLD = "cloudtrail/";
const NONE = "";
const logOf = (account: string, keyPath: string) => `${BUCKET}/${keyPath}AWSLogs/o-exampleorgid/${account}/CloudTrail/us-east-1/2025/01/01/${account}_CloudTrail_us-east-1_x.json.gz`;
const folderOf = (account: string, keyPath: string) => `${keyPath}AWSLogs/o-exampleorgid/${account}/`;

const c: Config = config({
  logArchive: { accountId: LOG_ARCHIVE, keyPrefix: "cloudtrail-v2", previousKeyPrefixes: ["cloudtrail", ""] },
  memberRoles: [{ accountId: A }],
  userPolicies: {},
  thirdPartyReaders: [
    { name: "SiemVendor", accountId: SIEM, externalId: "siem-ext-id-1234" },
    { name: "Auditor", accountId: AUDITOR, externalId: "aud:1/2", accounts: [A] },
  ],
});
const docs = Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document as unknown as PolicyJson]));
const bucketPolicy = docs["log archive bucket policy"];
/** A member principal's own identity policy (cross-account reads need one). */
const READER_IDENTITY: PolicyJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" }] };

const asMember = (account: string) => {
  const principal: Principal = role(account, "LogReader");
  return {
    get: (object: string) => evaluate(org, { principal, action: "s3:GetObject", resource: object }, { resourcePolicy: bucketPolicy, identityPolicies: [READER_IDENTITY] }),
    list: (prefix: string) => evaluate(org, { principal, action: "s3:ListBucket", resource: BUCKET, context: { s3Prefix: prefix } }, { resourcePolicy: bucketPolicy, identityPolicies: [READER_IDENTITY] }),
  };
};

const asReader = (roleName: string) => {
  const principal = role(LOG_ARCHIVE, roleName);
  const identityPolicies = [docs[`role ${roleName} inline`]];
  return {
    get: (object: string) => evaluate(org, { principal, action: "s3:GetObject", resource: object }, { resourcePolicy: bucketPolicy, identityPolicies }),
    list: (prefix: string) => evaluate(org, { principal, action: "s3:ListBucket", resource: BUCKET, context: { s3Prefix: prefix } }, { resourcePolicy: bucketPolicy, identityPolicies }),
  };
};

const cloudTrailWrites = (object: string) =>
  evaluate(org, { principal: service("cloudtrail.amazonaws.com", TRAIL), action: "s3:PutObject", resource: object, context: { s3Acl: "bucket-owner-full-control" } }, { resourcePolicy: bucketPolicy });

describe("previous key prefixes: the history stays readable where it was written", () => {
  test("a member reads and lists its own folder under every previous prefix, as under the current one", async () => {
    const member = asMember(A);
    for (const kp of [CURRENT, OLD, NONE]) {
      expect([kp, await member.get(logOf(A, kp))]).toEqual([kp, "Allowed"]);
      expect([kp, await member.list(folderOf(A, kp))]).toEqual([kp, "Allowed"]);
    }
  });

  test("a member never reads or lists a neighbour's folder under a previous prefix", async () => {
    const member = asMember(B);
    for (const kp of [CURRENT, OLD, NONE]) {
      expect([kp, await member.get(logOf(A, kp))]).toEqual([kp, "ImplicitlyDenied"]);
      expect([kp, await member.list(folderOf(A, kp))]).toEqual([kp, "ImplicitlyDenied"]);
    }
    // A prefix that was never listed stays closed.
    expect(await member.get(logOf(B, "elsewhere/"))).toBe("ImplicitlyDenied");
  });

  test("CloudTrail writes only under the current prefix", async () => {
    expect(await cloudTrailWrites(logOf(A, CURRENT))).toBe("Allowed");
    expect(await cloudTrailWrites(logOf(A, OLD))).toBe("ImplicitlyDenied");
    expect(await cloudTrailWrites(logOf(A, NONE))).toBe("ImplicitlyDenied");
    expect(await cloudTrailWrites(`${BUCKET}/${OLD}AWSLogs/${MANAGEMENT}/CloudTrail/us-east-1/2025/01/01/x.json.gz`)).toBe("ImplicitlyDenied");
  });

  test("a member reader role reads its account's history under every prefix and nothing of a neighbour's", async () => {
    const reader = asReader(`OrgTrailLogReader-${A}`);
    for (const kp of [CURRENT, OLD, NONE]) {
      expect([kp, await reader.get(logOf(A, kp))]).toEqual([kp, "Allowed"]);
      expect([kp, await reader.list(folderOf(A, kp))]).toEqual([kp, "Allowed"]);
      expect([kp, await reader.get(logOf(B, kp))]).toEqual([kp, "ExplicitlyDenied"]);
      // The bucket policy's own-folder grant to the log-archive account stays outside the role's scope.
      expect([kp, await reader.get(logOf(LOG_ARCHIVE, kp))]).toEqual([kp, "ExplicitlyDenied"]);
    }
  });

  test("third parties read the history under every prefix, within their scope", async () => {
    const siem = asReader("SiemVendor");
    const auditor = asReader("Auditor");
    for (const kp of [CURRENT, OLD, NONE]) {
      expect([kp, await siem.get(logOf(B, kp))]).toEqual([kp, "Allowed"]);
      expect([kp, await siem.list(`${kp}AWSLogs/o-exampleorgid/`)]).toEqual([kp, "Allowed"]);
      expect([kp, await auditor.get(logOf(A, kp))]).toEqual([kp, "Allowed"]);
      expect([kp, await auditor.get(logOf(B, kp))]).toEqual([kp, "ExplicitlyDenied"]);
    }
    expect(await siem.get(`${BUCKET}/elsewhere/AWSLogs/o-exampleorgid/${A}/x.json.gz`)).toBe("ExplicitlyDenied");
  });

  test("CloudTrail operators (read-only policy, management account) read the history under every prefix", async () => {
    const readOnly = docs["CloudTrail read-only policy"];
    // In the management account's own folder: the bucket policy admits it as a member; the identity policy decides.
    for (const kp of [CURRENT, OLD, NONE]) {
      const read = await evaluate(org, { principal: role(MANAGEMENT, "Operator"), action: "s3:GetObject", resource: logOf(MANAGEMENT, kp) }, { resourcePolicy: bucketPolicy, identityPolicies: [readOnly] });
      expect([kp, read]).toEqual([kp, "Allowed"]);
    }
    const elsewhere = await evaluate(org, { principal: role(MANAGEMENT, "Operator"), action: "s3:GetObject", resource: logOf(MANAGEMENT, "elsewhere/") }, { resourcePolicy: bucketPolicy, identityPolicies: [readOnly] });
    expect(elsewhere).toBe("ImplicitlyDenied");
  });

  test("without previous prefixes the policies are exactly as before: no extra statement, the old prefix closed", async () => {
    const plain = config({ logArchive: { accountId: LOG_ARCHIVE, keyPrefix: "cloudtrail-v2" } });
    const sids = (cfg: Config) => (policiesOf(cfg).find((p) => p.name === "log archive bucket policy")!.document.Statement as { Sid: string }[]).map((s) => s.Sid);
    expect(sids(plain)).not.toContain("MemberReadOwnLogsPreviousPrefixes");
    expect(sids(c)).toEqual(expect.arrayContaining(["MemberReadOwnLogsPreviousPrefixes", "MemberListOwnLogsPreviousPrefixes"]));
    const policy = policiesOf(plain).find((p) => p.name === "log archive bucket policy")!.document as unknown as PolicyJson;
    const read = await evaluate(org, { principal: role(A, "LogReader"), action: "s3:GetObject", resource: logOf(A, OLD) }, { resourcePolicy: policy, identityPolicies: [READER_IDENTITY] });
    expect(read).toBe("ImplicitlyDenied");
  });

  test("the config refuses the current prefix among the previous ones, naming the field and the value", () => {
    expect(() => parseConfig(exampleWith({ logArchive: { keyPrefix: "cloudtrail", previousKeyPrefixes: ["old", "cloudtrail"] } }))).toThrow(
      /logArchive\.previousKeyPrefixes\.1: must not be the current keyPrefix \(cloudtrail\).*\(got "cloudtrail"\)/,
    );
    expect(() => parseConfig(exampleWith({ logArchive: { previousKeyPrefixes: ["old/"] } }))).toThrow(/logArchive\.previousKeyPrefixes\.0/);
  });
});
