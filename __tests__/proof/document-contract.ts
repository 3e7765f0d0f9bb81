import type { Config } from "../../config/schema";

/**
 * The access contract of every document beyond the bucket and key policies (those are proof/contract.ts): reader
 * role trust and permissions, the CloudTrail user policies, the guardrail SCP, the data-perimeter RCP and the
 * delivery documents (CloudWatch Logs role, SNS topic policy). Like contract.ts it is written from the config and
 * from what AWS documents, never from the builders: each `expect…` answers "may this caller do this?" in words a
 * reviewer can check against docs/access.md and docs/operating.md.
 */

export type Expected = "allow" | "deny" | "explicit-deny";

export interface Names {
  readonly partition: string;
  readonly region: string;
  readonly organizationId: string;
  readonly management: string;
  readonly logArchive: string;
  /** The account that creates the trail and its delivery targets: the delegated administrator, else the management account. */
  readonly trailAccount: string;
  readonly trailArn: string;
  readonly bucket: string;
  readonly keyPath: string;
  /** `amazonaws.com`, or `amazonaws.com.cn` in China. */
  readonly dnsSuffix: string;
}

export function namesOf(c: Config): Names {
  const partition = c.organization.partition;
  const region = c.organization.homeRegion;
  const management = c.organization.managementAccountId;
  return {
    partition,
    region,
    organizationId: c.organization.id,
    management,
    logArchive: c.logArchive.accountId ?? management,
    trailAccount: c.organization.delegatedAdminAccountId ?? management,
    trailArn: `arn:${partition}:cloudtrail:${region}:${management}:trail/${c.trail.name}`,
    bucket: c.logArchive.bucketName,
    keyPath: c.logArchive.keyPrefix ? `${c.logArchive.keyPrefix}/` : "",
    dnsSuffix: partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com",
  };
}

// -- reader roles -----------------------------------------------------------------------------------------------

/** A reader role as the config describes it: who may assume it, how, and which account folders it reads. */
export interface ReaderRole {
  readonly name: string;
  readonly trustedAccount: string;
  readonly externalId?: string;
  readonly requireMfa: boolean;
  /** Account folders it reads; "all" for every account of the organization folder. */
  readonly reads: readonly string[] | "all";
}

export function readerRolesOf(c: Config): ReaderRole[] {
  return [
    // docs/access.md: "default OrgTrailLogReader-<accountId>"
    ...c.memberRoles.map((m) => ({ name: m.roleName ?? `OrgTrailLogReader-${m.accountId}`, trustedAccount: m.accountId, requireMfa: m.requireMfa, reads: [m.accountId] })),
    ...c.thirdPartyReaders.map((t) => ({ name: t.name, trustedAccount: t.accountId, externalId: t.externalId, requireMfa: t.requireMfa, reads: t.accounts ?? ("all" as const) })),
  ];
}

/** How the caller of an AssumeRole is signed in: MFA session, session without MFA, or long-term keys (no MFA key at all). */
export type Mfa = true | false | "absent";

/** Only principals of the trusted account, with the external ID when the role has one, with MFA when it requires it. */
export function expectAssume(r: ReaderRole, callerAccount: string, externalId: string | undefined, mfa: Mfa): Expected {
  if (callerAccount !== r.trustedAccount) return "deny";
  if (r.externalId !== undefined && externalId !== r.externalId) return "deny";
  if (r.requireMfa && mfa !== true) return "deny";
  return "allow";
}

/** What the assumed reader role asks of the archive. */
export type ReaderAsk =
  | { readonly kind: "get" | "put" | "delete" | "delete-version"; readonly account: string }
  | { readonly kind: "list"; readonly prefix: string | undefined }
  | { readonly kind: "bucket-policy" }
  | { readonly kind: "kms"; readonly action: string; readonly viaS3Region?: string; readonly trailContext: boolean };

export const organizationFolder = (n: Names) => `${n.keyPath}AWSLogs/${n.organizationId}/`;
export const accountFolder = (n: Names, account: string) => `${organizationFolder(n)}${account}/`;

/** Read its folders (get, list inside them), decrypt through S3 in the home region under CloudTrail's context; nothing else. */
export function expectReader(n: Names, r: ReaderRole, a: ReaderAsk, organizationAccounts: readonly string[]): Expected {
  const readable = (account: string) => (r.reads === "all" ? organizationAccounts.includes(account) : r.reads.includes(account));
  switch (a.kind) {
    case "get":
      return readable(a.account) ? "allow" : "deny";
    case "list": {
      if (a.prefix === undefined) return "deny";
      const folders = r.reads === "all" ? [organizationFolder(n)] : r.reads.map((x) => accountFolder(n, x));
      return folders.some((f) => a.prefix!.startsWith(f)) ? "allow" : "deny";
    }
    case "kms":
      return a.action === "kms:Decrypt" && a.trailContext && a.viaS3Region === n.region ? "allow" : "deny";
    default:
      return "deny";
  }
}

// -- CloudTrail user policies (identity policies in the management account) -------------------------------------

export type UserPolicy = "read-only" | "administration" | "protect-trail";

export const CLOUDTRAIL_READS = ["cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "cloudtrail:DescribeTrails", "cloudtrail:LookupEvents"];
export const TRAIL_CHANGES = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"];

export interface UserAsk {
  readonly action: string;
  /** `trail` the organization trail, `other-trail` another trail of the management account, `log` a log object, `bucket`, `key`, `slr` CloudTrail's service-linked role, `role` another role. */
  readonly on: "trail" | "other-trail" | "log" | "bucket" | "key" | "slr" | "role";
  readonly viaS3Region?: string;
}

/**
 * docs/access.md, "CloudTrail user policies": read-only reads trails and the log files (decrypt through S3);
 * administration adds administering this account's trails and CloudTrail's service-linked role, never the bucket
 * or KMS beyond decrypt; protect-trail explicitly denies changing or toggling the organization trail.
 */
export function expectUser(n: Names, p: UserPolicy, a: UserAsk): Expected {
  if (p === "protect-trail") return a.on === "trail" && [...TRAIL_CHANGES, "cloudtrail:StartLogging"].includes(a.action) ? "explicit-deny" : "deny";
  const read =
    (CLOUDTRAIL_READS.includes(a.action) && (a.on === "trail" || a.on === "other-trail")) ||
    (a.action === "s3:GetObject" && a.on === "log") ||
    (a.action === "kms:Decrypt" && a.on === "key" && a.viaS3Region === n.region);
  if (read) return "allow";
  if (p === "read-only") return "deny";
  const administer = [...TRAIL_CHANGES, "cloudtrail:StartLogging", "cloudtrail:CreateTrail"].includes(a.action) && (a.on === "trail" || a.on === "other-trail");
  const serviceLinkedRole = a.on === "slr" && a.action === "iam:GetRole";
  return administer || serviceLinkedRole ? "allow" : "deny";
}

// -- the guardrail SCP and the data-perimeter RCP ---------------------------------------------------------------

const glob = (pattern: string, value: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`).test(value);

export interface GuardrailAsk {
  readonly account: string;
  /** The caller's role name, path included. */
  readonly role: string;
  readonly action: string;
  readonly on:
    | { readonly kind: "trail" | "bucket" | "log" | "other" }
    | { readonly kind: "role"; readonly arn: string }
    | { readonly kind: "key"; readonly arn: string; readonly aliases: readonly string[] };
}

export const GUARDED: Record<"trail" | "exempt-role" | "archive" | "key", readonly string[]> = {
  trail: TRAIL_CHANGES,
  "exempt-role": ["iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PassRole", "iam:DeleteRole", "iam:TagRole"],
  archive: ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "s3:PutEncryptionConfiguration", "s3:DeleteBucket", "s3:DeleteObject", "s3:DeleteObjectVersion"],
  key: ["kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion", "kms:CreateGrant"],
};

/** The roles the guardrail exempts: the listed ARNs and the deploying roles of deployment.accounts. */
export const exemptRolesOf = (c: Config): string[] =>
  [...(c.trailGuardrail?.exemptPrincipalArns ?? []), c.deployment.accounts.delegatedAdmin?.assumeRoleArn, c.deployment.accounts.logArchive?.assumeRoleArn].filter((x): x is string => !!x);

/** The trail key: the brought key's ARN, or the created key (the log-archive account's, home region) by its alias. */
function isTrailKey(c: Config, n: Names, arn: string, aliases: readonly string[]): boolean {
  if (c.encryption.kmsKey !== "create") return arn === c.encryption.kmsKey;
  const [, , , region, account] = arn.split(":");
  return region === n.region && account === n.logArchive && aliases.includes(c.encryption.aliasName);
}

/**
 * docs/access.md, "What the guardrail protects": in a targeted account (never the management account), every
 * principal but the exempt roles is denied the guarded actions; the exempt roles are the listed ARNs and the
 * deploying roles of deployment.accounts. Callers' own accounts grant them everything.
 */
export function expectGuardrail(c: Config, n: Names, a: GuardrailAsk): Expected {
  const g = c.trailGuardrail;
  if (!g || a.account === n.management) return "allow";
  const targeted = g.targetIds.some((t) => t === a.account || t.startsWith("r-") || t.startsWith("ou-"));
  if (!targeted) return "allow";
  const exempt = exemptRolesOf(c);
  if (exempt.some((e) => glob(e, `arn:${n.partition}:iam::${a.account}:role/${a.role}`))) return "allow";
  const on = a.on;
  const guarded =
    (on.kind === "trail" && GUARDED.trail.includes(a.action)) ||
    (on.kind === "role" && exempt.some((e) => glob(e, on.arn)) && GUARDED["exempt-role"].includes(a.action)) ||
    (g.protectArchive && (on.kind === "bucket" || on.kind === "log") && GUARDED.archive.includes(a.action)) ||
    (g.protectArchive && on.kind === "key" && isTrailKey(c, n, on.arn, on.aliases) && GUARDED.key.includes(a.action));
  return guarded ? "explicit-deny" : "allow";
}

export type PerimeterCaller =
  | { readonly kind: "role"; readonly account: string }
  | { readonly kind: "cloudtrail"; readonly trail: string }
  | { readonly kind: "service"; readonly sourceAccount: string };

/**
 * docs/access.md, "The data perimeter": on the archive bucket, objects and key, principals outside the organization,
 * services acting for a resource outside it, and CloudTrail for another trail are denied, whatever the bucket and
 * key policies say (here they allow everyone, the worst case an exempt principal could write).
 */
export function expectPerimeter(n: Names, organizationAccounts: readonly string[], who: PerimeterCaller): Expected {
  if (who.kind === "role") return organizationAccounts.includes(who.account) ? "allow" : "explicit-deny";
  if (who.kind === "cloudtrail") return who.trail === n.trailArn ? "allow" : "explicit-deny";
  return organizationAccounts.includes(who.sourceAccount) ? "allow" : "explicit-deny";
}

// -- delivery documents -----------------------------------------------------------------------------------------

/** docs/operating.md: CloudTrail, for this trail only, assumes the CloudWatch Logs role and publishes to the topic. */
export const expectDeliveryService = (n: Names, service: string, sourceTrail: string): Expected =>
  service === "cloudtrail.amazonaws.com" && sourceTrail === n.trailArn ? "allow" : "deny";

/** The delivery role writes streams and events of the trail's log group only; nothing else. */
export function expectDeliveryRole(n: Names, logGroupName: string, action: string, logGroup: string): Expected {
  return ["logs:CreateLogStream", "logs:PutLogEvents"].includes(action) && logGroup === logGroupName ? "allow" : "deny";
}
