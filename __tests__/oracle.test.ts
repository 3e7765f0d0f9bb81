import { runSimulation } from "@cloud-copilot/iam-simulate";
import { policiesOf } from "../stacks/policy-sizes";
import { ANONYMOUS, checkPolicy, evaluate, principalFacts, role, service, type Organization, type PolicyJson } from "./helpers/oracle";
import { config } from "./helpers/synth";

// The oracle on the builders' bucket and key policies, for the example organization with a separate log-archive
// account. The scenario matrix (proof/) runs it on planned values; these tests pin the oracle's own behaviour.
const c = config({ logArchive: { accountId: "222222222222" } });
const docs = Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document as unknown as PolicyJson]));
const bucketPolicy = docs["log archive bucket policy"];
const keyPolicy = docs["trail KMS key policy"];

const org: Organization = {
  orgId: "o-exampleorgid",
  managementAccountId: "111111111111",
  logArchiveAccountId: "222222222222",
  members: ["333333333333", "444444444444"],
  foreign: [{ orgId: "o-otherorg123", accounts: ["999999999999"] }],
};
const TRAIL = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail";
const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";
const KEY = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const logOf = (account: string) => `${BUCKET}/AWSLogs/o-exampleorgid/${account}/CloudTrail/us-east-1/2025/01/01/${account}_CloudTrail_us-east-1_x.json.gz`;
const cloudTrail = service("cloudtrail.amazonaws.com", TRAIL);
const READER_IDENTITY = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket", "kms:Decrypt"], Resource: "*" }] };
const reader = (account: string) => role(account, "LogReader");
const trailContext = { "aws:cloudtrail:arn": TRAIL };

describe("oracle on the bucket policy", () => {
  const write = (ctx: { s3Acl?: string; secureTransport?: boolean }, principal = cloudTrail) =>
    evaluate(org, { principal, action: "s3:PutObject", resource: logOf("333333333333"), context: ctx }, { resourcePolicy: bucketPolicy });

  test("CloudTrail writes with the ACL header and this trail's SourceArn, not without them", async () => {
    expect(await write({ s3Acl: "bucket-owner-full-control" })).toBe("Allowed");
    expect(await write({})).toBe("ImplicitlyDenied");
    expect(await write({ s3Acl: "bucket-owner-full-control" }, service("cloudtrail.amazonaws.com", `${TRAIL}-other`))).toBe("ImplicitlyDenied");
    expect(await write({ s3Acl: "bucket-owner-full-control", secureTransport: false })).toBe("ExplicitlyDenied");
  });

  test("a member reads its own folder, not a neighbour's; outsiders read nothing", async () => {
    const read = (principal: ReturnType<typeof role>, account: string) =>
      evaluate(org, { principal, action: "s3:GetObject", resource: logOf(account) }, { resourcePolicy: bucketPolicy, identityPolicies: [READER_IDENTITY] });
    expect(await read(reader("333333333333"), "333333333333")).toBe("Allowed");
    expect(await read(reader("444444444444"), "333333333333")).toBe("ImplicitlyDenied");
    expect(await read(reader("999999999999"), "999999999999")).toBe("ImplicitlyDenied");
    expect(await evaluate(org, { principal: ANONYMOUS, action: "s3:GetObject", resource: logOf("333333333333") }, { resourcePolicy: bucketPolicy })).toBe("ImplicitlyDenied");
  });
});

describe("oracle on the key policy (the encryption-context path, design.md §3.1)", () => {
  const generate = { principal: cloudTrail, action: "kms:GenerateDataKey", resource: KEY, context: { encryptionContext: trailContext } };

  test("CloudTrail encrypts under its encryption context", async () => {
    expect(await evaluate(org, generate, { keyPolicy })).toBe("Allowed");
    expect(await evaluate(org, { ...generate, context: {} }, { keyPolicy })).toBe("ImplicitlyDenied");
  });

  test("the simulator's validated path drops the encryption context, which is why the oracle does not use it", async () => {
    const r = await runSimulation(
      {
        request: { principal: "cloudtrail.amazonaws.com", action: "kms:GenerateDataKey", resource: { resource: KEY, accountId: "222222222222" }, contextVariables: { "kms:EncryptionContext:aws:cloudtrail:arn": TRAIL, "aws:SourceArn": TRAIL } },
        identityPolicies: [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: keyPolicy,
      },
      {},
    );
    expect(r.resultType === "single" && r.overallResult).toBe("ImplicitlyDenied");
  });

  test("a member decrypts through S3 only", async () => {
    const decrypt = (viaService?: string) =>
      evaluate(org, { principal: reader("333333333333"), action: "kms:Decrypt", resource: KEY, context: { encryptionContext: trailContext, viaService } }, { keyPolicy, identityPolicies: [READER_IDENTITY] });
    expect(await decrypt("s3.us-east-1.amazonaws.com")).toBe("Allowed");
    expect(await decrypt()).toBe("ImplicitlyDenied");
  });
});

describe("request context comes from the principal and the organization model", () => {
  test("organization IDs: own organization, another organization, none", () => {
    expect(principalFacts(org, reader("333333333333"), "s3:GetObject")["aws:PrincipalOrgID"]).toBe("o-exampleorgid");
    expect(principalFacts(org, reader("999999999999"), "s3:GetObject")["aws:PrincipalOrgID"]).toBe("o-otherorg123");
    expect(principalFacts(org, reader("888888888888"), "s3:GetObject")).not.toHaveProperty("aws:PrincipalOrgID");
    expect(principalFacts(org, reader("333333333333"), "kms:Decrypt")["kms:CallerAccount"]).toBe("333333333333");
    expect(principalFacts(org, role("333333333333", "R", { tags: { team: "sec" } }), "s3:GetObject")).toMatchObject({
      "aws:PrincipalArn": "arn:aws:iam::333333333333:role/R",
      "aws:PrincipalAccount": "333333333333",
      "aws:PrincipalTag/team": "sec",
    });
    expect(principalFacts(org, cloudTrail, "s3:PutObject")).toMatchObject({ "aws:SourceArn": TRAIL, "aws:SourceAccount": "111111111111", "aws:PrincipalIsAWSService": "true" });
  });

  test("a test cannot hand-write a principal fact", async () => {
    await expect(
      evaluate(org, { principal: reader("999999999999"), action: "s3:GetObject", resource: logOf("999999999999"), context: { extra: { "aws:PrincipalOrgID": "o-exampleorgid" } } }, { resourcePolicy: bucketPolicy }),
    ).rejects.toThrow(/derived from the principal/);
  });
});

describe("SCPs apply to member principals only (design.md §3.2)", () => {
  const denyAll = { Version: "2012-10-17", Statement: [{ Sid: "DenyReads", Effect: "Deny", Action: ["s3:GetObject", "s3:PutObject"], Resource: "*" }] };
  const allowAll = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }] };

  test("not to the management account, not to service principals, but to members", async () => {
    const get = (principal: ReturnType<typeof role>) =>
      evaluate(org, { principal, action: "s3:GetObject", resource: logOf("111111111111"), resourceAccount: principal.kind === "role" ? principal.account : undefined }, { identityPolicies: [allowAll], scps: [denyAll] });
    expect(await get(role("111111111111", "Admin"))).toBe("Allowed");
    expect(await get(role("333333333333", "Admin"))).toBe("ExplicitlyDenied");
    expect(await evaluate(org, { principal: cloudTrail, action: "s3:PutObject", resource: logOf("333333333333"), context: { s3Acl: "bucket-owner-full-control" } }, { resourcePolicy: bucketPolicy, scps: [denyAll] })).toBe("Allowed");
  });

  test("the key's account administers it through identity policies; another account cannot", async () => {
    const admin = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:*", Resource: "*" }] };
    const schedule = (account: string) => evaluate(org, { principal: role(account, "Admin"), action: "kms:ScheduleKeyDeletion", resource: KEY }, { keyPolicy, identityPolicies: [admin] });
    expect(await schedule("222222222222")).toBe("Allowed");
    expect(await schedule("333333333333")).toBe("ImplicitlyDenied");
  });
});

describe("trust policies (for the access issue's roles)", () => {
  const ROLE = "arn:aws:iam::222222222222:role/ReaderFor333333333333";
  const trust = (condition: Record<string, Record<string, string>>) => ({
    Version: "2012-10-17",
    Statement: [{ Sid: "MemberAssumes", Effect: "Allow", Principal: { AWS: "arn:aws:iam::333333333333:root" }, Action: "sts:AssumeRole", Condition: condition }],
  });
  const assume = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] };

  test("MFA comes from the principal, the external ID from the request", async () => {
    const mfa = trust({ Bool: { "aws:MultiFactorAuthPresent": "true" } });
    const as = (principal: ReturnType<typeof role>, context = {}) => evaluate(org, { principal, action: "sts:AssumeRole", resource: ROLE, context }, { resourcePolicy: mfa, identityPolicies: [assume] });
    expect(await as(role("333333333333", "Auditor", { mfa: true }))).toBe("Allowed");
    expect(await as(role("333333333333", "Auditor"))).toBe("ImplicitlyDenied");
    expect(await as(role("444444444444", "Auditor", { mfa: true }))).toBe("ImplicitlyDenied");
    const external = trust({ StringEquals: { "sts:ExternalId": "siem-7f3a" } });
    const third = (externalId?: string) => evaluate(org, { principal: role("333333333333", "Siem"), action: "sts:AssumeRole", resource: ROLE, context: { externalId } }, { resourcePolicy: external, identityPolicies: [assume] });
    expect(await third("siem-7f3a")).toBe("Allowed");
    expect(await third("guess")).toBe("ImplicitlyDenied");
    expect(await third()).toBe("ImplicitlyDenied");
  });
});

describe("what the simulator would silently misjudge is refused", () => {
  const get = { principal: reader("333333333333"), action: "s3:GetObject", resource: logOf("333333333333") };
  const doc = (over: Record<string, unknown>) => ({ Version: "2012-10-17", Statement: [{ Sid: "S", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", ...over }] });

  test("Version other than 2012-10-17 (policy variables would be literal text)", async () => {
    await expect(checkPolicy({ ...doc({}), Version: "2008-10-17" })).rejects.toThrow(/Version/);
    await expect(checkPolicy({ Statement: doc({}).Statement })).rejects.toThrow(/Version/);
  });
  test("an action that does not exist, even behind a wildcard", async () => {
    await expect(checkPolicy(doc({ Action: "s3:GetObjects" }))).rejects.toThrow(/s3:GetObjects does not exist/);
    await expect(checkPolicy(doc({ Action: "s3:Fetch*" }))).rejects.toThrow(/does not exist/);
    await expect(checkPolicy(doc({ Action: "s4:GetObject" }))).rejects.toThrow(/does not exist/);
  });
  test("an unknown condition operator", async () => {
    await expect(checkPolicy(doc({ Condition: { StringEqual: { "aws:PrincipalOrgID": "o-x" } } }))).rejects.toThrow(/StringEqual is unknown/);
    await expect(checkPolicy(doc({ Condition: { "ForAnyValue:StringLikeIfExists": { "aws:PrincipalOrgPaths": "o-x/*" } } }))).resolves.toBeUndefined();
  });
  test("a wildcard request resource, a request key AWS does not send with the action, an unknown action", async () => {
    await expect(evaluate(org, { ...get, resource: `${BUCKET}/AWSLogs/*` }, { resourcePolicy: bucketPolicy })).rejects.toThrow(/concrete ARN/);
    await expect(evaluate(org, { ...get, context: { s3Acl: "private" } }, { resourcePolicy: bucketPolicy })).rejects.toThrow(/does not send s3:x-amz-acl/);
    await expect(evaluate(org, { ...get, action: "s3:GetObjects" }, { resourcePolicy: bucketPolicy })).rejects.toThrow(/does not exist/);
  });
});
