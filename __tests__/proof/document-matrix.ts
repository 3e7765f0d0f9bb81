import type { Config } from "../../config/schema";
import { evaluate, role, service, user, type Decision, type Organization, type PolicyJson, type Principal, type Request } from "../helpers/oracle";
import {
  accountFolder,
  expectAssume,
  expectDeliveryRole,
  expectDeliveryService,
  expectGuardrail,
  expectPerimeter,
  expectReader,
  expectUser,
  GUARDED,
  namesOf,
  organizationFolder,
  readerRolesOf,
  TRAIL_CHANGES,
  CLOUDTRAIL_READS,
  type Expected,
  type GuardrailAsk,
  type Mfa,
  type Names,
  type PerimeterCaller,
  type ReaderAsk,
  type UserAsk,
  type UserPolicy,
} from "./document-contract";

/**
 * The scenario matrix of every document kind beyond the bucket and key policies, evaluated by the oracle on planned
 * documents and compared with proof/document-contract.ts. Scenarios are grouped by document kind, so a report can
 * say how many each kind gets.
 */

export const MEMBER_A = "333333333333";
export const MEMBER_B = "444444444444";
export const FOREIGN = "999999999999";
const TRAIL_KEY_ID = "5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
const OTHER_KEY_ID = "00000000-1111-2222-3333-444444444444";

/** The planned documents of one config, by kind. */
export interface PlannedSet {
  readonly bucketPolicy: PolicyJson;
  readonly keyPolicy: PolicyJson;
  readonly roles: Record<string, { trust?: PolicyJson; inline: PolicyJson[] }>;
  readonly userPolicies: Partial<Record<UserPolicy, PolicyJson>>;
  readonly scp?: PolicyJson;
  readonly rcp?: PolicyJson;
  readonly topicPolicy?: PolicyJson;
}

export interface Scenario {
  readonly kind: "trust policy" | "reader role permissions" | "user policy" | "SCP" | "RCP" | "CloudWatch Logs role" | "SNS topic policy";
  readonly name: string;
  readonly expected: Expected;
  readonly actual: Decision;
}

const FULL: PolicyJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };
const mayAssume = (arn: string): PolicyJson => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: arn }] });
/** A key policy that hands the key to its account's IAM policies, so the identity policy alone decides. */
const delegatedKey = (n: Names, account: string): PolicyJson => ({
  Version: "2012-10-17",
  Statement: [{ Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:${n.partition}:iam::${account}:root` }, Action: "kms:*", Resource: "*" }],
});

export const agrees = (expected: Expected, actual: Decision): boolean =>
  expected === "allow" ? actual === "Allowed" : expected === "explicit-deny" ? actual === "ExplicitlyDenied" : actual !== "Allowed";

export function organizationOf(c: Config): Organization {
  const n = namesOf(c);
  const members = [...new Set([MEMBER_A, MEMBER_B, n.trailAccount].filter((a) => a !== n.management && a !== n.logArchive))];
  return { orgId: n.organizationId, managementAccountId: n.management, logArchiveAccountId: n.logArchive, members, foreign: [{ orgId: "o-foreignorg01", accounts: [FOREIGN] }], partition: n.partition };
}

/** Evaluates every scenario (or those of the `only` kinds) on one config's planned documents. */
export async function runDocumentMatrix(c: Config, docs: PlannedSet, only?: readonly Scenario["kind"][]): Promise<Scenario[]> {
  const n = namesOf(c);
  const org = organizationOf(c);
  const accounts = [n.management, n.logArchive, ...org.members];
  const bucket = `arn:${n.partition}:s3:::${n.bucket}`;
  const key = `arn:${n.partition}:kms:${n.region}:${n.logArchive}:key/${TRAIL_KEY_ID}`;
  const logOf = (account: string) => `${bucket}/${accountFolder(n, account)}CloudTrail/${n.region}/2025/01/31/${account}_CloudTrail_${n.region}_20250131T2355Z_x.json.gz`;
  const trailContext = { "aws:cloudtrail:arn": n.trailArn };
  const via = (region: string) => `s3.${region}.${n.dnsSuffix}`;
  const otherRegion = n.partition === "aws-cn" ? (n.region === "cn-north-1" ? "cn-northwest-1" : "cn-north-1") : n.partition === "aws-us-gov" ? (n.region === "us-gov-west-1" ? "us-gov-east-1" : "us-gov-west-1") : n.region === "us-east-1" ? "eu-west-1" : "us-east-1";

  const out: Promise<Scenario>[] = [];
  const add = (kind: Scenario["kind"], name: string, expected: Expected, request: Request, policies: Parameters<typeof evaluate>[2]) =>
    (only === undefined || only.includes(kind)) &&
    out.push(evaluate(org, request, policies).then((actual) => ({ kind, name, expected, actual })));

  // Reader role trust: the trusted account only, with the right external ID, with MFA when required.
  for (const r of readerRolesOf(c)) {
    const trust = docs.roles[r.name]?.trust;
    if (!trust) throw new Error(`no planned role ${r.name}`);
    const arn = `arn:${n.partition}:iam::${n.logArchive}:role/${r.name}`;
    const callers: [string, string, Mfa][] = [
      [`${r.trustedAccount} with MFA`, r.trustedAccount, true],
      [`${r.trustedAccount} without MFA`, r.trustedAccount, false],
      [`${r.trustedAccount} with long-term keys`, r.trustedAccount, "absent"],
      [`another account with MFA`, r.trustedAccount === MEMBER_B ? MEMBER_A : MEMBER_B, true],
    ];
    const externalIds: [string, string | undefined][] = [["the right external ID", r.externalId ?? "any-ext-id"], ["a wrong external ID", "wrong-external-id"], ["no external ID", undefined]];
    for (const [who, account, mfa] of callers) {
      for (const [label, externalId] of externalIds) {
        const principal: Principal = mfa === "absent" ? user(account, "caller") : role(account, "Caller", { mfa });
        add("trust policy", `${r.name}: ${who}, ${label}`, expectAssume(r, account, externalId, mfa), { principal, action: "sts:AssumeRole", resource: arn, context: { externalId } }, { resourcePolicy: trust, identityPolicies: [mayAssume(arn)] });
      }
    }

    // The assumed role's own permissions, with the bucket and key policies.
    const principal = role(n.logArchive, r.name);
    const identityPolicies = docs.roles[r.name].inline;
    const asks: [string, ReaderAsk, Request][] = [];
    for (const account of [MEMBER_A, MEMBER_B, n.logArchive, n.management]) {
      asks.push([`GetObject ${account}'s log`, { kind: "get", account }, { principal, action: "s3:GetObject", resource: logOf(account) }]);
    }
    asks.push(["PutObject a log", { kind: "put", account: MEMBER_A }, { principal, action: "s3:PutObject", resource: logOf(MEMBER_A), context: { s3Acl: "bucket-owner-full-control" } }]);
    asks.push(["DeleteObject a log", { kind: "delete", account: MEMBER_A }, { principal, action: "s3:DeleteObject", resource: logOf(MEMBER_A) }]);
    asks.push(["DeleteObjectVersion a log", { kind: "delete-version", account: MEMBER_A }, { principal, action: "s3:DeleteObjectVersion", resource: logOf(MEMBER_A) }]);
    asks.push(["PutBucketPolicy", { kind: "bucket-policy" }, { principal, action: "s3:PutBucketPolicy", resource: bucket }]);
    for (const [label, prefix] of [["A's folder", accountFolder(n, MEMBER_A)], ["B's folder", accountFolder(n, MEMBER_B)], ["the organization folder", organizationFolder(n)], ["no prefix", undefined]] as const) {
      asks.push([`ListBucket ${label}`, { kind: "list", prefix }, { principal, action: "s3:ListBucket", resource: bucket, context: { s3Prefix: prefix } }]);
    }
    const crypto: [string, string, string | undefined, boolean][] = [
      ["Decrypt through S3 in the home region", "kms:Decrypt", n.region, true],
      ["Decrypt through S3 in another region", "kms:Decrypt", otherRegion, true],
      ["Decrypt directly", "kms:Decrypt", undefined, true],
      ["Decrypt through S3 without CloudTrail's context", "kms:Decrypt", n.region, false],
      ["GenerateDataKey through S3", "kms:GenerateDataKey", n.region, true],
      ["Encrypt", "kms:Encrypt", undefined, true],
    ];
    for (const [label, action, region, ctx] of crypto) {
      asks.push([label, { kind: "kms", action, viaS3Region: region, trailContext: ctx }, { principal, action, resource: key, context: { viaService: region ? via(region) : undefined, encryptionContext: ctx ? trailContext : undefined } }]);
    }
    for (const action of ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:CreateGrant"]) asks.push([action, { kind: "kms", action, trailContext: false }, { principal, action, resource: key }]);
    for (const [label, ask, request] of asks) {
      const policies = request.action.startsWith("kms:") ? { keyPolicy: docs.keyPolicy } : { resourcePolicy: docs.bucketPolicy, s3BlockPublicAccess: true };
      add("reader role permissions", `${r.name}: ${label}`, expectReader(n, r, ask, accounts), request, { ...policies, identityPolicies });
    }
  }

  // CloudTrail user policies: the identity policy alone decides (same-account resources, a key handed to IAM).
  const operator = role(n.management, "Operator");
  const otherTrail = `arn:${n.partition}:cloudtrail:${n.region}:${n.management}:trail/another-trail`;
  const serviceLinkedRole = `arn:${n.partition}:iam::${n.management}:role/aws-service-role/cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail`;
  const userAsks: [UserAsk, string, Record<string, unknown>?][] = [
    ...[...CLOUDTRAIL_READS, ...TRAIL_CHANGES, "cloudtrail:StartLogging"].flatMap((action): [UserAsk, string][] => [
      [{ action, on: "trail" }, n.trailArn],
      [{ action, on: "other-trail" }, otherTrail],
    ]),
    [{ action: "s3:GetObject", on: "log" }, logOf(MEMBER_A)],
    [{ action: "s3:PutObject", on: "log" }, logOf(MEMBER_A)],
    [{ action: "s3:DeleteObject", on: "log" }, logOf(MEMBER_A)],
    [{ action: "s3:DeleteObjectVersion", on: "log" }, logOf(MEMBER_A)],
    [{ action: "s3:PutBucketPolicy", on: "bucket" }, bucket],
    [{ action: "s3:DeleteBucket", on: "bucket" }, bucket],
    [{ action: "kms:Decrypt", on: "key", viaS3Region: n.region }, key, { viaService: via(n.region), encryptionContext: trailContext }],
    [{ action: "kms:Decrypt", on: "key", viaS3Region: otherRegion }, key, { viaService: via(otherRegion), encryptionContext: trailContext }],
    [{ action: "kms:Decrypt", on: "key" }, key, { encryptionContext: trailContext }],
    [{ action: "kms:GenerateDataKey", on: "key" }, key, { encryptionContext: trailContext }],
    [{ action: "kms:Encrypt", on: "key" }, key],
    [{ action: "kms:ScheduleKeyDeletion", on: "key" }, key],
    [{ action: "kms:PutKeyPolicy", on: "key" }, key],
    [{ action: "kms:CreateGrant", on: "key" }, key],
    [{ action: "iam:GetRole", on: "slr" }, serviceLinkedRole],
    [{ action: "iam:GetRole", on: "role" }, `arn:${n.partition}:iam::${n.management}:role/OrganizationAccountAccessRole`],
  ];
  for (const [p, doc] of Object.entries(docs.userPolicies) as [UserPolicy, PolicyJson][]) {
    // protect-trail is a Deny attached next to an administrator's Allow.
    const identityPolicies = p === "protect-trail" ? [FULL, doc] : [doc];
    for (const [ask, resource, context] of userAsks) {
      const kms = ask.action.startsWith("kms:");
      add("user policy", `${p}: ${ask.action} on ${ask.on}${ask.viaS3Region ? ` through S3 in ${ask.viaS3Region}` : ""}`, p === "protect-trail" && expectUser(n, p, ask) === "deny" ? "allow" : expectUser(n, p, ask), { principal: operator, action: ask.action, resource, resourceAccount: n.management, context }, { identityPolicies, ...(kms ? { keyPolicy: delegatedKey(n, n.management) } : {}) });
    }
  }

  // The guardrail SCP: every targeted account's principals but the exempt roles; callers' accounts grant everything.
  if (docs.scp) {
    const callers: [string, string][] = [
      [n.logArchive, "Admin"],
      [n.logArchive, "OrgTrailDeploy"],
      [n.logArchive, "break-glass/oncall"],
      [n.trailAccount, "Admin"],
      [n.trailAccount, "deploy/OrgTrailDeploy"],
      [MEMBER_A, "deploy/OrgTrailDeploy"],
      [MEMBER_A, "OrgTrailDeploy"],
      [MEMBER_A, "break-glass/oncall"],
      [n.management, "Admin"],
    ];
    const alias = c.encryption.aliasName;
    for (const [account, name] of callers) {
      const principal = role(account, name);
      type On = GuardrailAsk["on"];
      const keyIn = (id: string): string => `arn:${n.partition}:kms:${n.region}:${account}:key/${id}`;
      const targets: [string, On, string, readonly string[], Record<string, string[]>?][] = [
        ["the trail", { kind: "trail" }, n.trailArn, [...GUARDED.trail, "cloudtrail:GetTrailStatus"]],
        ...[`${account}:role/break-glass/new`, `${account}:role/deploy/OrgTrailDeploy`, `${account}:role/OrgTrailDeploy`, `${account}:role/LogReader`].map(
          (r): [string, On, string, readonly string[]] => [`role ${r.split(":")[1]}`, { kind: "role", arn: `arn:${n.partition}:iam::${r}` }, `arn:${n.partition}:iam::${r}`, GUARDED["exempt-role"]],
        ),
        ["the bucket", { kind: "bucket" }, bucket, GUARDED.archive.filter((a) => !/Object/.test(a))],
        ["a log object", { kind: "log" }, logOf(MEMBER_A), [...GUARDED.archive.filter((a) => /Object/.test(a)), "s3:GetObject"]],
        ["a key with the trail key's alias", { kind: "key", arn: keyIn(TRAIL_KEY_ID), aliases: [alias] }, keyIn(TRAIL_KEY_ID), GUARDED.key, { "kms:ResourceAliases": [alias] }],
        ["another key", { kind: "key", arn: keyIn(OTHER_KEY_ID), aliases: ["alias/another"] }, keyIn(OTHER_KEY_ID), GUARDED.key, { "kms:ResourceAliases": ["alias/another"] }],
      ];
      for (const [label, on, resource, actions, extra] of targets) {
        for (const action of actions) {
          add("SCP", `${account} ${name}: ${action} on ${label}`, expectGuardrail(c, n, { account, role: name, action, on }), { principal, action, resource, resourceAccount: account, context: { extra } }, {
            identityPolicies: [FULL],
            scps: [docs.scp],
            ...(action.startsWith("kms:") ? { keyPolicy: delegatedKey(n, account) } : {}),
          });
        }
      }
    }
  }

  // The data perimeter: with bucket and key policies open to everyone, only the organization gets in.
  if (docs.rcp) {
    const OPEN_BUCKET: PolicyJson = { Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "s3:*", Resource: [bucket, `${bucket}/*`] }] };
    const OPEN_KEY: PolicyJson = { Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] };
    const callers: [string, Principal, PerimeterCaller][] = [
      ["member A's role", role(MEMBER_A, "Reader"), { kind: "role", account: MEMBER_A }],
      ["the log-archive account's role", role(n.logArchive, "Reader"), { kind: "role", account: n.logArchive }],
      ["another organization's role", role(FOREIGN, "Reader"), { kind: "role", account: FOREIGN }],
      ["CloudTrail for this trail", service("cloudtrail.amazonaws.com", n.trailArn), { kind: "cloudtrail", trail: n.trailArn }],
      ["CloudTrail for another trail", service("cloudtrail.amazonaws.com", otherTrail), { kind: "cloudtrail", trail: otherTrail }],
      ["CloudTrail for another organization's trail", service("cloudtrail.amazonaws.com", `arn:${n.partition}:cloudtrail:${n.region}:${FOREIGN}:trail/org-trail`), { kind: "cloudtrail", trail: "foreign" }],
      ["AWS Config for member A", service("config.amazonaws.com", `arn:${n.partition}:config:${n.region}:${MEMBER_A}:config-rule/r`), { kind: "service", sourceAccount: MEMBER_A }],
      ["AWS Config for another organization", service("config.amazonaws.com", `arn:${n.partition}:config:${n.region}:${FOREIGN}:config-rule/r`), { kind: "service", sourceAccount: FOREIGN }],
    ];
    for (const [label, principal, who] of callers) {
      const identityPolicies = principal.kind === "role" ? [FULL] : [];
      const asks: [string, Request, boolean][] =
        who.kind === "cloudtrail"
          ? [
              ["PutObject", { principal, action: "s3:PutObject", resource: logOf(MEMBER_A), context: { s3Acl: "bucket-owner-full-control" } }, false],
              ["GenerateDataKey", { principal, action: "kms:GenerateDataKey", resource: key, context: { encryptionContext: trailContext } }, true],
            ]
          : [
              ["GetObject", { principal, action: "s3:GetObject", resource: logOf(MEMBER_A) }, false],
              ["GetBucketAcl", { principal, action: "s3:GetBucketAcl", resource: bucket }, false],
              ["Decrypt", { principal, action: "kms:Decrypt", resource: key, context: { encryptionContext: trailContext } }, true],
            ];
      for (const [action, request, kms] of asks) {
        add("RCP", `${label}: ${action}`, expectPerimeter(n, accounts, who), request, { ...(kms ? { keyPolicy: OPEN_KEY } : { resourcePolicy: OPEN_BUCKET }), identityPolicies, rcps: [docs.rcp] });
      }
    }
  }

  // Delivery: CloudTrail assumes the CloudWatch Logs role and publishes to the topic for this trail only.
  const cw = c.trail.cloudWatchLogs;
  if (cw) {
    const roleName = cw.roleName ?? `${c.trail.name}-cloudwatch-logs`;
    const groupName = cw.logGroupName ?? `/aws/cloudtrail/${c.trail.name}`;
    const planned = docs.roles[roleName];
    const roleArn = `arn:${n.partition}:iam::${n.trailAccount}:role/${roleName}`;
    const sources: [string, string, string][] = [
      ["CloudTrail for this trail", "cloudtrail.amazonaws.com", n.trailArn],
      ["CloudTrail for another trail", "cloudtrail.amazonaws.com", otherTrail],
      ["CloudTrail for another organization's trail", "cloudtrail.amazonaws.com", `arn:${n.partition}:cloudtrail:${n.region}:${FOREIGN}:trail/org-trail`],
      ["AWS Config", "config.amazonaws.com", n.trailArn],
    ];
    for (const [label, name, source] of sources) {
      add("CloudWatch Logs role", `trust: ${label}`, expectDeliveryService(n, name, source), { principal: service(name, source), action: "sts:AssumeRole", resource: roleArn }, { resourcePolicy: planned.trust });
    }
    const group = (g: string) => `arn:${n.partition}:logs:${n.region}:${n.trailAccount}:log-group:${g}:log-stream:${n.trailAccount}_CloudTrail_${n.region}`;
    for (const [g, action] of [[groupName, "logs:CreateLogStream"], [groupName, "logs:PutLogEvents"], ["/aws/other", "logs:PutLogEvents"], [groupName, "logs:DeleteLogStream"]] as const) {
      add("CloudWatch Logs role", `${action} on ${g}`, expectDeliveryRole(n, groupName, action, g), { principal: role(n.trailAccount, roleName), action, resource: group(g) }, { identityPolicies: planned.inline });
    }
  }
  if (c.trail.snsTopic && docs.topicPolicy) {
    const topic = `arn:${n.partition}:sns:${n.region}:${n.trailAccount}:${c.trail.snsTopic.name ?? `${c.trail.name}-notifications`}`;
    const publishers: [string, Principal, Expected][] = [
      ["CloudTrail for this trail", service("cloudtrail.amazonaws.com", n.trailArn), expectDeliveryService(n, "cloudtrail.amazonaws.com", n.trailArn)],
      ["CloudTrail for another trail", service("cloudtrail.amazonaws.com", otherTrail), expectDeliveryService(n, "cloudtrail.amazonaws.com", otherTrail)],
      ["another organization's role", role(FOREIGN, "Publisher"), "deny"],
    ];
    for (const [label, principal, expected] of publishers) {
      for (const action of ["sns:Publish", "sns:SetTopicAttributes"]) {
        add("SNS topic policy", `${label}: ${action}`, action === "sns:Publish" ? expected : "deny", { principal, action, resource: topic }, { resourcePolicy: docs.topicPolicy, identityPolicies: principal.kind === "role" ? [FULL] : [] });
      }
    }
  }
  return Promise.all(out);
}

export const documentDisagreements = (scenarios: readonly Scenario[]): string[] =>
  scenarios.filter((s) => !agrees(s.expected, s.actual)).map((s) => `${s.kind} · ${s.name}: contract says ${s.expected}, AWS would answer ${s.actual}`);

/** Planned documents of a kitchen-sink stack, by kind. */
export function plannedSet(policies: Record<string, PolicyJson>, roles: PlannedSet["roles"]): PlannedSet {
  const user: Partial<Record<UserPolicy, PolicyJson>> = {};
  if (policies["aws_iam_policy.cloudtrail_read_only"]) user["read-only"] = policies["aws_iam_policy.cloudtrail_read_only"];
  if (policies["aws_iam_policy.cloudtrail_administration"]) user.administration = policies["aws_iam_policy.cloudtrail_administration"];
  if (policies["aws_iam_policy.protect_organization_trail"]) user["protect-trail"] = policies["aws_iam_policy.protect_organization_trail"];
  return {
    bucketPolicy: policies["aws_s3_bucket_policy.log_archive"],
    keyPolicy: policies["aws_kms_key.cloudtrail"],
    roles,
    userPolicies: user,
    scp: policies["aws_organizations_policy.trail_guardrail"],
    rcp: policies["aws_organizations_policy.data_perimeter"],
    topicPolicy: policies["aws_sns_topic_policy.cloudtrail_notifications"],
  };
}
