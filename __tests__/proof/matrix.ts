import type { Config } from "../../config/schema";
import { ANONYMOUS, evaluate, role, service, type Decision, type Organization, type PolicyJson, type Principal, type Request } from "../helpers/oracle";
import { accountFolder, expectedOutcome, organizationFolder, type Ask, type Caller, type ContractSettings, type Outcome } from "./contract";

/**
 * The generated scenario matrix: callers × asks (action, target, context), each evaluated by the oracle on planned
 * policies and compared with the access contract.
 */

export const MEMBER_A = "333333333333";
export const MEMBER_B = "444444444444";
export const FOREIGN_ACCOUNT = "999999999999";
export const FOREIGN_ORG = "o-foreignorg01";

export interface World {
  readonly config: Config;
  readonly settings: ContractSettings;
  readonly org: Organization;
  readonly accounts: readonly string[];
  readonly bucketArn: string;
  readonly keyArn: string;
  readonly region: string;
}

export function worldOf(c: Config): World {
  const partition = c.organization.partition;
  const mgmt = c.organization.managementAccountId;
  const la = c.logArchive.accountId ?? mgmt;
  const region = c.organization.homeRegion;
  const settings: ContractSettings = {
    partition,
    organizationId: c.organization.id,
    managementAccountId: mgmt,
    logArchiveAccountId: la,
    trailArn: `arn:${partition}:cloudtrail:${region}:${mgmt}:trail/${c.trail.name}`,
    homeRegion: region,
    keyPath: c.logArchive.keyPrefix ? `${c.logArchive.keyPrefix}/` : "",
    memberAccess: c.memberAccess,
    keyPolicyGenerated: c.encryption.kmsKey === "create",
  };
  return {
    config: c,
    settings,
    org: { orgId: c.organization.id, managementAccountId: mgmt, logArchiveAccountId: la, members: [MEMBER_A, MEMBER_B], foreign: [{ orgId: FOREIGN_ORG, accounts: [FOREIGN_ACCOUNT] }], partition },
    accounts: [...new Set([mgmt, la, MEMBER_A, MEMBER_B])],
    bucketArn: `arn:${partition}:s3:::${c.logArchive.bucketName}`,
    keyArn: c.encryption.kmsKey === "create" ? `arn:${partition}:kms:${region}:${la}:key/5f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b` : c.encryption.kmsKey,
    region,
  };
}

// -- callers ---------------------------------------------------------------------------------------------------

export interface NamedCaller {
  readonly name: string;
  readonly principal: Principal;
  readonly caller: Caller;
}

const TAGS = { team: "security" };

function roleCaller(w: World, name: string, account: string, roleName: string, tags: Record<string, string>): NamedCaller {
  return { name, principal: role(account, roleName, { tags }), caller: { kind: "role", account, arn: `arn:${w.settings.partition}:iam::${account}:role/${roleName}`, tags } };
}

function cloudTrailFor(name: string, trail: string): NamedCaller {
  return { name, principal: service("cloudtrail.amazonaws.com", trail), caller: { kind: "cloudtrail", forTrail: trail } };
}

export function callersOf(w: World): NamedCaller[] {
  const { managementAccountId: mgmt, logArchiveAccountId: la, trailArn, partition } = w.settings;
  const trailName = trailArn.split("/").pop()!;
  return [
    cloudTrailFor("CloudTrail for this trail", trailArn),
    cloudTrailFor("CloudTrail for another trail of the management account", `arn:${partition}:cloudtrail:${w.region}:${mgmt}:trail/another-trail`),
    cloudTrailFor("CloudTrail for another organization's trail", `arn:${partition}:cloudtrail:${w.region}:${FOREIGN_ACCOUNT}:trail/${trailName}`),
    roleCaller(w, "management-account reader", mgmt, "LogReader", TAGS),
    ...(la !== mgmt ? [roleCaller(w, "log-archive-account reader", la, "LogReader", TAGS)] : []),
    roleCaller(w, "member A reader", MEMBER_A, "LogReader", TAGS),
    roleCaller(w, "member B reader", MEMBER_B, "LogReader", TAGS),
    roleCaller(w, "member A reader without the tag", MEMBER_A, "LogReader", {}),
    roleCaller(w, "member A developer with the tag", MEMBER_A, "Developer", TAGS),
    roleCaller(w, "another organization's reader", FOREIGN_ACCOUNT, "LogReader", TAGS),
    { name: "anonymous", principal: ANONYMOUS, caller: { kind: "anonymous" } },
  ];
}

/**
 * Every role's own account grants it every action of the matrix on every resource: the most a member's
 * administrator can grant itself. Only orgtrail's resource policies stand between it and the logs.
 */
export const GENEROUS_IDENTITY_POLICY: PolicyJson = {
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "EverythingTheMatrixAsks",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:GetBucketAcl", "kms:GenerateDataKey", "kms:Decrypt", "kms:DescribeKey"],
      Resource: "*",
    },
  ],
};

// -- asks -----------------------------------------------------------------------------------------------------

export interface NamedAsk {
  readonly name: string;
  readonly ask: Ask;
}

const STAMP = "2025/01/31";
export const logKey = (w: World, account: string) =>
  `${accountFolder(w.settings, account)}CloudTrail/${w.region}/${STAMP}/${account}_CloudTrail_${w.region}_20250131T2355Z_AbCdEf0123456789.json.gz`;
const digestKey = (w: World, account: string) =>
  `${accountFolder(w.settings, account)}CloudTrail-Digest/${w.region}/${STAMP}/${account}_CloudTrail-Digest_${w.region}_org-trail_${w.region}_20250131T235500Z.json.gz`;

function objectsOf(w: World): [string, string][] {
  const p = w.settings.keyPath;
  const mgmt = w.settings.managementAccountId;
  return [
    ["member A's log file", logKey(w, MEMBER_A)],
    ["member B's log file", logKey(w, MEMBER_B)],
    ["the management account's log file", logKey(w, mgmt)],
    ["member A's digest file", digestKey(w, MEMBER_A)],
    ["the management account's own-trail folder", `${p}AWSLogs/${mgmt}/CloudTrail/${w.region}/${STAMP}/${mgmt}_CloudTrail_${w.region}_20250131T2355Z_x.json.gz`],
    ["another organization's folder", `${p}AWSLogs/${FOREIGN_ORG}/${FOREIGN_ACCOUNT}/CloudTrail/${w.region}/${STAMP}/x.json.gz`],
    ["an object outside AWSLogs/", `${p}reports/2025/summary.csv`],
    ...(p ? [["member A's log file without the key prefix", logKey(w, MEMBER_A).slice(p.length)] as [string, string]] : []),
  ];
}

function asksOf(w: World, c: NamedCaller): NamedAsk[] {
  const asks: NamedAsk[] = [];
  const tlsBoth = (name: string, ask: Omit<Ask, "tls">) => {
    asks.push({ name, ask: { ...ask, tls: true } });
    asks.push({ name: `${name}, without TLS`, ask: { ...ask, tls: false } });
  };
  for (const [what, key] of objectsOf(w)) {
    const target = { kind: "object" as const, key };
    tlsBoth(`s3:GetObject ${what}`, { action: "s3:GetObject", target });
    tlsBoth(`s3:DeleteObject ${what}`, { action: "s3:DeleteObject", target });
    for (const [acl, label] of [["bucket-owner-full-control", "the right ACL header"], [undefined, "no ACL header"], ["bucket-owner-read", "another ACL header"]] as const) {
      tlsBoth(`s3:PutObject ${what} with ${label}`, { action: "s3:PutObject", target, acl });
    }
  }
  const bucket = { kind: "bucket" as const };
  tlsBoth("s3:GetBucketAcl", { action: "s3:GetBucketAcl", target: bucket });
  const own = c.caller.kind === "role" ? c.caller.account : MEMBER_A;
  const neighbour = own === MEMBER_A ? MEMBER_B : MEMBER_A;
  const prefixes: [string, string | undefined][] = [
    ["its own folder", accountFolder(w.settings, own)],
    ["a path inside its own folder", `${accountFolder(w.settings, own)}CloudTrail/${w.region}/`],
    ["its own folder without the trailing slash", accountFolder(w.settings, own).slice(0, -1)],
    ["a neighbour's folder", accountFolder(w.settings, neighbour)],
    ["the organization folder", organizationFolder(w.settings)],
    ["an empty prefix", ""],
    ["no prefix", undefined],
  ];
  for (const [label, listPrefix] of prefixes) tlsBoth(`s3:ListBucket with ${label}`, { action: "s3:ListBucket", target: bucket, listPrefix });

  if (w.settings.keyPolicyGenerated) {
    const key = { kind: "key" as const };
    const { managementAccountId: mgmt, trailArn, partition } = w.settings;
    const contexts: [string, string | undefined][] = [
      ["this trail's encryption context", trailArn],
      ["another management-account trail's context", `arn:${partition}:cloudtrail:eu-west-1:${mgmt}:trail/another-trail`],
      ["another organization's trail context", `arn:${partition}:cloudtrail:${w.region}:${FOREIGN_ACCOUNT}:trail/org-trail`],
      ["no encryption context", undefined],
    ];
    for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
      for (const [label, encryptionContextTrail] of contexts) {
        for (const viaS3 of [true, false]) {
          asks.push({ name: `${action} under ${label}${viaS3 ? " through S3" : " directly"}`, ask: { action, target: key, tls: true, encryptionContextTrail, viaS3 } });
        }
        asks.push({ name: `${action} under ${label} through S3 in another region`, ask: { action, target: key, tls: true, encryptionContextTrail, viaS3: true, viaS3Region: anotherRegion(w) } });
      }
    }
    asks.push({ name: "kms:DescribeKey", ask: { action: "kms:DescribeKey", target: key, tls: true } });
  }
  return asks;
}

// -- evaluation -----------------------------------------------------------------------------------------------

export interface PlannedDocuments {
  readonly bucketPolicy: PolicyJson;
  readonly keyPolicy?: PolicyJson;
  /** restrict_public_buckets of the bucket's planned public access block. */
  readonly restrictPublicBuckets: boolean;
}

export interface Cell {
  readonly caller: string;
  readonly ask: string;
  readonly expected: Outcome;
  readonly clause: string;
  readonly actual: Decision;
}

/** A region of the same partition that is not the home region. */
export function anotherRegion(w: World): string {
  const candidates = { aws: ["us-east-1", "eu-west-1"], "aws-cn": ["cn-north-1", "cn-northwest-1"], "aws-us-gov": ["us-gov-west-1", "us-gov-east-1"] }[w.settings.partition] ?? ["us-east-1", "eu-west-1"];
  return candidates.find((r) => r !== w.region)!;
}

/** The S3 endpoint's DNS name, which KMS receives as kms:ViaService (China's partition has its own suffix). */
export const s3Endpoint = (partition: string, region: string): string => `s3.${region}.${partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"}`;

export function requestOf(w: World, c: NamedCaller, a: Ask): Request {
  const resource = a.target.kind === "object" ? `${w.bucketArn}/${a.target.key}` : a.target.kind === "bucket" ? w.bucketArn : w.keyArn;
  return {
    principal: c.principal,
    action: a.action,
    resource,
    context: {
      secureTransport: a.tls,
      s3Acl: a.acl,
      s3Prefix: a.listPrefix,
      encryptionContext: a.encryptionContextTrail ? { "aws:cloudtrail:arn": a.encryptionContextTrail } : undefined,
      viaService: a.viaS3 ? s3Endpoint(w.settings.partition, a.viaS3Region ?? w.region) : undefined,
    },
  };
}

export const agrees = (expected: Outcome, actual: Decision): boolean =>
  expected === "allow" ? actual === "Allowed" : expected === "explicit-deny" ? actual === "ExplicitlyDenied" : actual !== "Allowed";

/** Evaluates every cell of the matrix for one world on one set of planned documents. */
export async function runMatrix(w: World, docs: PlannedDocuments): Promise<Cell[]> {
  const cells: Promise<Cell>[] = [];
  for (const c of callersOf(w)) {
    for (const { name, ask } of asksOf(w, c)) {
      const { outcome, clause } = expectedOutcome({ accounts: w.accounts }, w.settings, c.caller, ask);
      const policies = ask.action.startsWith("kms:")
        ? { keyPolicy: docs.keyPolicy }
        : { resourcePolicy: docs.bucketPolicy, s3BlockPublicAccess: docs.restrictPublicBuckets };
      const identityPolicies = c.principal.kind === "role" ? [GENEROUS_IDENTITY_POLICY] : [];
      cells.push(
        evaluate(w.org, requestOf(w, c, ask), { ...policies, identityPolicies }).then((actual) => ({ caller: c.name, ask: name, expected: outcome, clause, actual })),
      );
    }
  }
  return Promise.all(cells);
}

/** Disagreements, one readable line each. */
export const disagreements = (cells: readonly Cell[]): string[] =>
  cells.filter((c) => !agrees(c.expected, c.actual)).map((c) => `${c.caller} · ${c.ask}: contract says ${c.expected} (${c.clause}), AWS would answer ${c.actual}`);
