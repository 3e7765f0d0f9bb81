/**
 * The access contract: who may do what in the log archive, in words and as a decision procedure.
 *
 * The proof matrix takes every expected outcome from here, never from the policies. Each clause has a sentence
 * (`text`, with <placeholders>) that docs can render (module READMEs), and a test on a described request. Clauses
 * are read in order; the first that applies decides. The contract knows nothing of Sids, statements or conditions.
 */

/** What the contract needs to know about an orgtrail configuration. */
export interface ContractSettings {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  /** Owns the bucket and the key. */
  readonly logArchiveAccountId: string;
  /** arn:<partition>:cloudtrail:<home-region>:<management-account>:trail/<name> */
  readonly trailArn: string;
  /** Where the trail, the bucket and the key are. */
  readonly homeRegion: string;
  /** "" or "<prefix>/" */
  readonly keyPath: string;
  readonly memberAccess: {
    readonly enabled: boolean;
    /** IAM ARN pattern with * and ? wildcards, e.g. arn:aws:iam::*:role/LogReader* */
    readonly principalArnPattern?: string;
    readonly principalTag?: { readonly key: string; readonly value: string };
  };
  /** False when the key is brought: its policy is the owner's, and the contract says nothing about it. */
  readonly keyPolicyGenerated: boolean;
}

/** Who asks. */
export type Caller =
  | { readonly kind: "cloudtrail"; readonly forTrail: string }
  | { readonly kind: "role"; readonly account: string; readonly arn: string; readonly tags: Readonly<Record<string, string>> }
  | { readonly kind: "anonymous" };

/** What is asked. */
export interface Ask {
  readonly action: string;
  /** An object key in the bucket, the bucket itself, or the trail key. */
  readonly target: { readonly kind: "object"; readonly key: string } | { readonly kind: "bucket" } | { readonly kind: "key" };
  /** Over TLS (S3; KMS accepts TLS only). */
  readonly tls: boolean;
  /** The canned ACL header of a PutObject. */
  readonly acl?: string;
  /** The prefix parameter of a ListBucket; undefined when absent. */
  readonly listPrefix?: string;
  /** The trail named by the KMS encryption context (aws:cloudtrail:arn); undefined when absent. */
  readonly encryptionContextTrail?: string;
  /** KMS called by S3 on the caller's behalf (a GetObject of an SSE-KMS object). */
  readonly viaS3?: boolean;
  /** The region of the S3 endpoint that calls KMS; default the home region. */
  readonly viaS3Region?: string;
}

export type Outcome = "allow" | "deny" | "explicit-deny";

export interface Clause {
  readonly id: string;
  /** The rule in words, for people and generated docs. */
  readonly text: string;
  readonly outcome: Outcome;
  readonly applies: (s: ContractSettings, c: Caller, a: Ask) => boolean;
}

// -- vocabulary ------------------------------------------------------------------------------------------------

const isS3 = (a: Ask) => a.action.startsWith("s3:");
const isKms = (a: Ask) => a.action.startsWith("kms:");
const thisTrail = (s: ContractSettings, c: Caller) => c.kind === "cloudtrail" && c.forTrail === s.trailArn;
const objectUnder = (a: Ask, prefix: string) => a.target.kind === "object" && a.target.key.startsWith(prefix);

/** The organization's folder: <prefix>/AWSLogs/<org-id>/ */
export const organizationFolder = (s: ContractSettings) => `${s.keyPath}AWSLogs/${s.organizationId}/`;
/** An account's own folder in it: <prefix>/AWSLogs/<org-id>/<account>/ */
export const accountFolder = (s: ContractSettings, account: string) => `${organizationFolder(s)}${account}/`;
/** The folder CloudTrail keeps for the management account's own (non-organization) trail: <prefix>/AWSLogs/<mgmt>/ */
export const managementAccountFolder = (s: ContractSettings) => `${s.keyPath}AWSLogs/${s.managementAccountId}/`;

/** An encryption context that names a trail of the management account (any region, any name). */
function managementTrailContext(s: ContractSettings, a: Ask): boolean {
  const parts = a.encryptionContextTrail?.split(":") ?? [];
  return parts.length === 6 && parts[0] === "arn" && parts[1] === s.partition && parts[2] === "cloudtrail" && parts[4] === s.managementAccountId && parts[5].startsWith("trail/");
}

const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(value);

/** A principal of an account of the organization that member access admits (narrowing included). */
export function isMemberReader(s: ContractSettings, c: Caller, organizationAccounts: readonly string[]): boolean {
  if (c.kind !== "role" || !s.memberAccess.enabled || !organizationAccounts.includes(c.account)) return false;
  const { principalArnPattern, principalTag } = s.memberAccess;
  if (principalArnPattern && !glob(principalArnPattern, c.arn)) return false;
  if (principalTag && c.tags[principalTag.key] !== principalTag.value) return false;
  return true;
}

// -- the contract --------------------------------------------------------------------------------------------

/** The accounts of the organization, for `isMemberReader`; set by the caller of `expectedOutcome`. */
export interface Organization {
  readonly accounts: readonly string[];
}

export function clauses(org: Organization): Clause[] {
  const member = (s: ContractSettings, c: Caller) => isMemberReader(s, c, org.accounts);
  const own = (c: Caller) => (c.kind === "role" ? c.account : "");
  return [
    {
      id: "tls-only",
      text: "Any request to the bucket without TLS is refused, whoever makes it.",
      outcome: "explicit-deny",
      applies: (_, __, a) => isS3(a) && !a.tls,
    },
    {
      id: "log-archive-account",
      text: "Principals of the log-archive account <logArchiveAccountId> get what their own identity policies grant; orgtrail neither grants nor removes it (the key policy's account statement delegates the key to IAM).",
      outcome: "allow",
      applies: (s, c, a) => c.kind === "role" && c.account === s.logArchiveAccountId && (isS3(a) || s.keyPolicyGenerated),
    },
    {
      id: "cloudtrail-acl-check",
      text: "CloudTrail, acting for the organization trail <trailArn> only, may read the bucket's ACL.",
      outcome: "allow",
      applies: (s, c, a) => thisTrail(s, c) && a.action === "s3:GetBucketAcl" && a.target.kind === "bucket",
    },
    {
      id: "cloudtrail-write",
      text: "CloudTrail, acting for <trailArn> only, may write objects under <keyPath>AWSLogs/<organizationId>/ and <keyPath>AWSLogs/<managementAccountId>/, and only with the ACL header bucket-owner-full-control.",
      outcome: "allow",
      applies: (s, c, a) =>
        thisTrail(s, c) &&
        a.action === "s3:PutObject" &&
        (objectUnder(a, organizationFolder(s)) || objectUnder(a, managementAccountFolder(s))) &&
        a.acl === "bucket-owner-full-control",
    },
    {
      id: "cloudtrail-encrypt",
      text: "CloudTrail, acting for <trailArn> only, may generate data keys under an encryption context naming a trail of the management account.",
      outcome: "allow",
      applies: (s, c, a) => s.keyPolicyGenerated && thisTrail(s, c) && a.action === "kms:GenerateDataKey" && managementTrailContext(s, a),
    },
    {
      id: "cloudtrail-describe-key",
      text: "CloudTrail, acting for <trailArn> only, may describe the key.",
      outcome: "allow",
      applies: (s, c, a) => s.keyPolicyGenerated && thisTrail(s, c) && a.action === "kms:DescribeKey",
    },
    {
      id: "management-account-decrypt",
      text: "Principals of the management account <managementAccountId> may decrypt under an encryption context naming one of its trails (AWS requires it to create a trail whose bucket uses an S3 Bucket Key), given their identity policies allow it.",
      outcome: "allow",
      applies: (s, c, a) => s.keyPolicyGenerated && c.kind === "role" && c.account === s.managementAccountId && a.action === "kms:Decrypt" && managementTrailContext(s, a),
    },
    {
      id: "member-read-own",
      text: "When member access is on, a principal of any account of the organization (narrowed to <principalArnPattern> and the tag <principalTag>, when set) may read objects under its own account's folder <keyPath>AWSLogs/<organizationId>/<its-account>/, given its identity policies allow it. Nothing outside that folder.",
      outcome: "allow",
      applies: (s, c, a) => member(s, c) && a.action === "s3:GetObject" && objectUnder(a, accountFolder(s, own(c))),
    },
    {
      id: "member-list-own",
      text: "Such a principal may list the bucket only with a prefix inside its own folder, trailing slash included (<keyPath>AWSLogs/<organizationId>/<its-account>/...); a listing without a prefix, or of the folder without its slash, is refused.",
      outcome: "allow",
      applies: (s, c, a) => member(s, c) && a.action === "s3:ListBucket" && a.target.kind === "bucket" && (a.listPrefix ?? "").startsWith(accountFolder(s, own(c))),
    },
    {
      id: "member-decrypt-through-s3",
      text: "Such a principal may decrypt under an encryption context naming a trail of the management account, only when S3 in the home region calls KMS for it. KMS does not tell member folders apart (the context names the trail, not the account): the S3 prefix is what isolates members.",
      outcome: "allow",
      applies: (s, c, a) => s.keyPolicyGenerated && member(s, c) && a.action === "kms:Decrypt" && a.viaS3 === true && (a.viaS3Region ?? s.homeRegion) === s.homeRegion && managementTrailContext(s, a),
    },
    {
      id: "nothing-else",
      text: "Nobody else may do anything: no other principal, trail, action (no deletes), folder or condition.",
      outcome: "deny",
      applies: () => true,
    },
  ];
}

/** The outcome the contract promises, and the clause that decides it. */
export function expectedOutcome(org: Organization, s: ContractSettings, c: Caller, a: Ask): { outcome: Outcome; clause: string } {
  if (isKms(a) && !s.keyPolicyGenerated) throw new Error("the contract says nothing about a brought key's policy");
  const clause = clauses(org).find((k) => k.applies(s, c, a))!;
  return { outcome: clause.outcome, clause: clause.id };
}

/** The contract's sentences with a configuration's values filled in, for docs. */
export function renderContract(s: ContractSettings): { id: string; text: string }[] {
  const values: Record<string, string> = {
    logArchiveAccountId: s.logArchiveAccountId,
    managementAccountId: s.managementAccountId,
    organizationId: s.organizationId,
    trailArn: s.trailArn,
    keyPath: s.keyPath,
    principalArnPattern: s.memberAccess.principalArnPattern ?? "(any)",
    principalTag: s.memberAccess.principalTag ? `${s.memberAccess.principalTag.key}=${s.memberAccess.principalTag.value}` : "(any)",
  };
  return clauses({ accounts: [] })
    .filter((k) => s.keyPolicyGenerated || !/decrypt|encrypt|describe-key/.test(k.id))
    .filter((k) => s.memberAccess.enabled || !k.id.startsWith("member-"))
    .map((k) => ({ id: k.id, text: k.text.replace(/<([a-zA-Z]+)>/g, (m, name: string) => values[name] ?? m) }));
}
