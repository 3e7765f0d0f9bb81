import type { ResolvedDocument, ResolvedStatement } from "../shared/document";
import { measure } from "../shared/limits";
import { policiesOf } from "../../stacks/policy-sizes";
import { evaluate, role, service, type Organization, type PolicyJson } from "../../__tests__/helpers/oracle";
import { config } from "../../__tests__/helpers/config";

// The delivery policies (CloudWatch Logs role, SNS topic, trail key statements), structurally and through the
// IAM-simulator oracle. The organization has a dedicated log-archive account and a delegated administrator, the
// shape in which a wrong trail ARN would hide: the admin account creates everything, the management account owns it.
// (That every document of this shape names the management account's trail is __tests__/operations-policies.test.ts.)
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const ADMIN = "333333333333";
const MEMBER = "444444444444";
const org: Organization = { orgId: "o-exampleorgid", managementAccountId: MGMT, logArchiveAccountId: ARCHIVE, members: [ADMIN, MEMBER], foreign: [{ orgId: "o-otherorg123", accounts: ["999999999999"] }] };

const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const GROUP = `arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/cloudtrail/org-trail`;
const STREAM = `${GROUP}:log-stream:o-exampleorgid_${MEMBER}_CloudTrail_us-east-1`;
const ROLE = `arn:aws:iam::${ADMIN}:role/org-trail-cloudwatch-logs`;
const TOPIC = `arn:aws:sns:us-east-1:${ADMIN}:org-trail-notifications`;
const KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ALLOW_ALL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

const full = config({
  organization: { delegatedAdminAccountId: ADMIN },
  logArchive: { accountId: ARCHIVE },
  trail: { cloudWatchLogs: {}, snsTopic: {} },
});
const docsOf = (c: ReturnType<typeof config>) => Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document]));
const docs = docsOf(full);
const json = (d: ResolvedDocument) => d as unknown as PolicyJson;
const trust = docs["CloudWatch Logs delivery role trust policy"];
const rolePolicy = docs["CloudWatch Logs delivery role policy"];
const topicPolicy = docs["SNS topic policy"];
const keyPolicy = docs["trail KMS key policy"];
const sid = (d: ResolvedDocument, s: string): ResolvedStatement | undefined => d.Statement.find((x) => x.Sid === s);

describe("delivery policies, structure", () => {
  test("every document: Version 2012-10-17, a unique Sid on every statement, within its AWS size limit", () => {
    for (const p of policiesOf(full)) {
      expect({ name: p.name, version: p.document.Version }).toEqual({ name: p.name, version: "2012-10-17" });
      const sids = p.document.Statement.map((s) => s.Sid);
      expect({ name: p.name, unique: new Set(sids).size === sids.length && sids.every((s) => /^[A-Za-z0-9]+$/.test(s)) }).toEqual({ name: p.name, unique: true });
      const m = measure(p.name, p.document, p.kind);
      expect(m.size).toBeLessThan(m.limit);
    }
  });

  test("the role trust admits CloudTrail only, for the management account's trail, and names no resource", () => {
    expect(trust.Statement).toEqual([
      { Sid: "CloudTrailAssumeRole", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEqualsIfExists: { "aws:SourceArn": TRAIL } } },
    ]);
  });

  test("the role may only create streams in and put events to the trail's log group, in the account that creates the trail", () => {
    expect(rolePolicy.Statement).toEqual([
      { Sid: "CreateTrailLogStreams", Effect: "Allow", Action: "logs:CreateLogStream", Resource: `${GROUP}:log-stream:*` },
      { Sid: "PutTrailLogEvents", Effect: "Allow", Action: "logs:PutLogEvents", Resource: `${GROUP}:log-stream:*` },
    ]);
  });

  test("the topic policy lets CloudTrail publish to this topic for this trail", () => {
    expect(topicPolicy.Statement).toEqual([
      { Sid: "CloudTrailPublish", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "sns:Publish", Resource: TOPIC, Condition: { StringEquals: { "aws:SourceArn": TRAIL } } },
    ]);
  });

  test("the key policy gains the CloudWatch Logs, SNS and delegated-admin statements, each bound to its log group, topic or account", () => {
    expect(sid(keyPolicy, "CloudWatchLogsEncryptTrailEvents")).toMatchObject({
      Principal: { Service: "logs.us-east-1.amazonaws.com" },
      Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": GROUP } },
    });
    expect(sid(keyPolicy, "CloudTrailEncryptNotifications")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Condition: { StringEquals: { "aws:SourceArn": TRAIL, "kms:EncryptionContext:aws:sns:topicArn": TOPIC } },
    });
    expect(sid(keyPolicy, "TrailAdminDecrypt")).toMatchObject({
      Principal: { AWS: `arn:aws:iam::${ADMIN}:root` },
      Action: "kms:Decrypt",
      Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${MGMT}:trail/*` } },
    });
  });

  test("the statements are absent when the option is off or uses another key", () => {
    const plain = docsOf(config())["trail KMS key policy"];
    const otherKeys = docsOf(config({ trail: { cloudWatchLogs: { kmsKey: KEY.replace(ARCHIVE, MGMT) }, snsTopic: { kmsKey: KEY.replace(ARCHIVE, MGMT) } } }));
    for (const d of [plain, otherKeys["trail KMS key policy"]]) {
      expect(d.Statement.map((s) => s.Sid)).toEqual(["KeyAdministration", "CloudTrailEncryptLogs", "CloudTrailDescribeKey", "TrailOwnerDecrypt", "MemberDecryptLogsThroughS3"]);
    }
    expect(Object.keys(docsOf(config())).sort()).toEqual(["access-log bucket policy", "log archive bucket policy", "trail KMS key policy"]);
    expect(Object.keys(otherKeys)).toEqual(expect.arrayContaining(["CloudWatch Logs delivery role trust policy", "CloudWatch Logs delivery role policy", "SNS topic policy"]));
  });

  test("aws-cn: the CloudWatch Logs principal uses the partition's DNS suffix", () => {
    const cn = docsOf(config({ organization: { homeRegion: "cn-north-1", partition: "aws-cn" }, trail: { cloudWatchLogs: {} } }));
    expect(sid(cn["trail KMS key policy"], "CloudWatchLogsEncryptTrailEvents")!.Principal).toEqual({ Service: "logs.cn-north-1.amazonaws.com.cn" });
  });
});

describe("delivery policies, behaviour (IAM simulator oracle)", () => {
  const assume = (principal: ReturnType<typeof service>, identityPolicies: PolicyJson[] = []) =>
    evaluate(org, { principal, action: "sts:AssumeRole", resource: ROLE }, { resourcePolicy: json(trust), identityPolicies });

  test("CloudTrail assumes the role for this trail; not for another trail; no one else assumes it", async () => {
    expect(await assume(service("cloudtrail.amazonaws.com", TRAIL))).toBe("Allowed");
    expect(await assume(service("cloudtrail.amazonaws.com", `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/other`))).toBe("ImplicitlyDenied");
    expect(await assume(service("cloudtrail.amazonaws.com", `arn:aws:cloudtrail:us-east-1:999999999999:trail/org-trail`))).toBe("ImplicitlyDenied");
    expect(await assume(service("logs.us-east-1.amazonaws.com"))).toBe("ImplicitlyDenied");
    expect(await assume(role(MEMBER, "Admin") as never, [ALLOW_ALL])).toBe("ImplicitlyDenied");
    expect(await assume(role(ADMIN, "Admin") as never, [ALLOW_ALL])).toBe("ImplicitlyDenied");
  });

  test("without aws:SourceArn in the request the trust still admits CloudTrail (IfExists: AWS documents no SourceArn for this role)", async () => {
    expect(await assume(service("cloudtrail.amazonaws.com"))).toBe("Allowed");
  });

  test("the delivery role writes events to its log group's streams and does nothing else", async () => {
    const as = (action: string, resource: string) => evaluate(org, { principal: role(ADMIN, "org-trail-cloudwatch-logs"), action, resource }, { identityPolicies: [json(rolePolicy)] });
    expect(await as("logs:CreateLogStream", STREAM)).toBe("Allowed");
    expect(await as("logs:PutLogEvents", STREAM)).toBe("Allowed");
    expect(await as("logs:PutLogEvents", `arn:aws:logs:us-east-1:${ADMIN}:log-group:other:log-stream:x`)).toBe("ImplicitlyDenied");
    expect(await as("logs:PutLogEvents", STREAM.replace(ADMIN, MGMT))).toBe("ImplicitlyDenied");
    expect(await as("logs:DeleteLogGroup", GROUP)).toBe("ImplicitlyDenied");
    expect(await as("logs:GetLogEvents", STREAM)).toBe("ImplicitlyDenied");
  });

  test("CloudTrail publishes to the topic for this trail only; other accounts cannot publish; the topic's account acts through IAM", async () => {
    const publish = (principal: ReturnType<typeof service>, identityPolicies: PolicyJson[] = []) =>
      evaluate(org, { principal, action: "sns:Publish", resource: TOPIC }, { resourcePolicy: json(topicPolicy), identityPolicies });
    expect(await publish(service("cloudtrail.amazonaws.com", TRAIL))).toBe("Allowed");
    expect(await publish(service("cloudtrail.amazonaws.com", `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/other`))).toBe("ImplicitlyDenied");
    expect(await publish(service("cloudtrail.amazonaws.com"))).toBe("ImplicitlyDenied");
    expect(await publish(role(MEMBER, "Admin") as never, [ALLOW_ALL])).toBe("ImplicitlyDenied");
    expect(await publish(role(ADMIN, "Ops") as never, [ALLOW_ALL])).toBe("Allowed");
  });

  test("CloudWatch Logs uses the key for this log group only", async () => {
    const logs = service("logs.us-east-1.amazonaws.com");
    const use = (action: string, group?: string) =>
      evaluate(org, { principal: logs, action, resource: KEY, context: group ? { encryptionContext: { "aws:logs:arn": group } } : {} }, { keyPolicy: json(keyPolicy) });
    expect(await use("kms:GenerateDataKey", GROUP)).toBe("Allowed");
    expect(await use("kms:Decrypt", GROUP)).toBe("Allowed");
    expect(await use("kms:GenerateDataKey", `arn:aws:logs:us-east-1:${ADMIN}:log-group:other`)).toBe("ImplicitlyDenied");
    expect(await use("kms:GenerateDataKey")).toBe("ImplicitlyDenied");
    expect(await use("kms:CreateGrant", GROUP)).toBe("ImplicitlyDenied");
  });

  test("CloudTrail encrypts notifications for this topic and trail only", async () => {
    const generate = (sourceArn: string | undefined, topic: string) =>
      evaluate(org, { principal: service("cloudtrail.amazonaws.com", sourceArn), action: "kms:GenerateDataKey", resource: KEY, context: { encryptionContext: { "aws:sns:topicArn": topic } } }, { keyPolicy: json(keyPolicy) });
    expect(await generate(TRAIL, TOPIC)).toBe("Allowed");
    expect(await generate(TRAIL, `arn:aws:sns:us-east-1:${ADMIN}:other`)).toBe("ImplicitlyDenied");
    expect(await generate(`arn:aws:cloudtrail:us-east-1:${MGMT}:trail/other`, TOPIC)).toBe("ImplicitlyDenied");
    expect(await generate(undefined, TOPIC)).toBe("ImplicitlyDenied");
  });

  test("the delegated administrator decrypts under the CloudTrail encryption context, like the trail owner; another member does not", async () => {
    const decrypt = (account: string, doc: ResolvedDocument) =>
      evaluate(org, { principal: role(account, "Admin"), action: "kms:Decrypt", resource: KEY, context: { encryptionContext: { "aws:cloudtrail:arn": TRAIL } } }, { keyPolicy: json(doc), identityPolicies: [ALLOW_ALL] });
    expect(await decrypt(ADMIN, keyPolicy)).toBe("Allowed");
    expect(await decrypt(MEMBER, keyPolicy)).toBe("ImplicitlyDenied");
    const withoutAdmin = docsOf(config({ logArchive: { accountId: ARCHIVE }, trail: { cloudWatchLogs: {} } }))["trail KMS key policy"];
    expect(await decrypt(ADMIN, withoutAdmin)).toBe("ImplicitlyDenied");
  });
});
