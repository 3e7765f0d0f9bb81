import { unescapeTemplate } from "../../modules/shared/hcl";
import { statementsOf, type PolicyJson } from "../helpers/oracle";
import type { TfJson } from "../helpers/synth";
import { SCOPING_KEYS } from "./lint";

/**
 * The checkov / trivy / CIS rules of design.md §4 as properties of synthesized Terraform JSON. No scanner installs
 * here; each rule says what it checks and returns the resources that break it (`type.name`). Deliberate exceptions
 * live in docs/scanner-exceptions.md, one row per rule and resource, with the reason.
 */
export interface ScannerRule {
  readonly ids: readonly string[];
  readonly property: string;
  readonly violations: (tf: TfJson) => string[];
}

type Resource = Record<string, unknown>;
const resources = (tf: TfJson, type: string): [string, Resource][] => Object.entries(tf.resource[type] ?? {}) as [string, Resource][];
const one = <T>(v: T | T[] | undefined): T | undefined => (Array.isArray(v) ? v[0] : v);
const refersTo = (value: unknown, type: string, name: string) => typeof value === "string" && value.includes(`${type}.${name}.`);

/** The configuration resource of `type` for bucket `name` (`bucket = aws_s3_bucket.<name>.id`). */
const forBucket = (tf: TfJson, type: string, name: string): Resource | undefined =>
  resources(tf, type).find(([, r]) => refersTo(r.bucket, "aws_s3_bucket", name))?.[1];

const buckets = (tf: TfJson) => resources(tf, "aws_s3_bucket").map(([name]) => name);
const bucketViolations = (tf: TfJson, holds: (name: string) => boolean) => buckets(tf).filter((n) => !holds(n)).map((n) => `aws_s3_bucket.${n}`);
const trails = (tf: TfJson) => resources(tf, "aws_cloudtrail");
const trailViolations = (tf: TfJson, holds: (t: Resource) => boolean) => trails(tf).filter(([, t]) => !holds(t)).map(([n]) => `aws_cloudtrail.${n}`);

/** The bucket a trail writes to, by its literal name. */
const trailBucket = (tf: TfJson, t: Resource) => resources(tf, "aws_s3_bucket").find(([, b]) => b.bucket === t.s3_bucket_name)?.[0];

function publicAccessBlocked(tf: TfJson, name: string, ...settings: string[]): boolean {
  const pab = forBucket(tf, "aws_s3_bucket_public_access_block", name);
  return pab !== undefined && settings.every((s) => pab[s] === true);
}
const ALL_BLOCKS = ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"];

function policyOf(r: Resource | undefined): PolicyJson | undefined {
  return typeof r?.policy === "string" && r.policy.startsWith("{") ? (JSON.parse(unescapeTemplate(r.policy)) as PolicyJson) : undefined;
}

/** Allow statements to a `*` principal without an organization or account condition. */
export function unconditionedStar(doc: PolicyJson | undefined): boolean {
  return statementsOf(doc ?? { Statement: [] }).some((s) => {
    const p = s.Principal as string | Record<string, unknown> | undefined;
    const star = p === "*" || (typeof p === "object" && [p.AWS].flat().includes("*"));
    const keys = Object.values(s.Condition ?? {}).flatMap((e) => Object.keys(e).map((k) => k.toLowerCase()));
    return s.Effect === "Allow" && star && !keys.some((k) => SCOPING_KEYS.includes(k));
  });
}

function tlsOnly(doc: PolicyJson | undefined, bucketArn: string): boolean {
  return statementsOf(doc ?? { Statement: [] }).some(
    (s) =>
      s.Effect === "Deny" &&
      [s.Action].flat().some((a) => a === "s3:*") &&
      [bucketArn, `${bucketArn}/*`].every((r) => [s.Resource].flat().includes(r)) &&
      s.Condition?.Bool?.["aws:SecureTransport"] === "false",
  );
}

const IAM_POLICY_RESOURCES: [string, string][] = [
  ["aws_iam_policy", "policy"],
  ["aws_iam_role_policy", "policy"],
  ["aws_iam_role", "assume_role_policy"],
];
function iamDocuments(tf: TfJson): [string, PolicyJson][] {
  return IAM_POLICY_RESOURCES.flatMap(([type, attribute]) =>
    resources(tf, type).flatMap(([name, r]) => {
      const doc = typeof r[attribute] === "string" && (r[attribute] as string).startsWith("{") ? (JSON.parse(unescapeTemplate(r[attribute] as string)) as PolicyJson) : undefined;
      return doc ? [[`${type}.${name}`, doc] as [string, PolicyJson]] : [];
    }),
  );
}
const iamViolations = (tf: TfJson, bad: (s: ReturnType<typeof statementsOf>[number], type: string) => boolean) =>
  iamDocuments(tf)
    .filter(([address, doc]) => statementsOf(doc).some((s) => bad(s, address.split(".")[0])))
    .map(([address]) => address);
const actions = (s: { Action?: string | string[] }) => [s.Action ?? []].flat();

export const SCANNER_RULES: readonly ScannerRule[] = [
  // -- trail
  { ids: ["CKV_AWS_67", "AVD-AWS-0014", "CIS 3.1"], property: "the trail logs every region", violations: (tf) => trailViolations(tf, (t) => t.is_multi_region_trail === true) },
  { ids: ["CKV_AWS_36", "AVD-AWS-0016", "CIS 3.2"], property: "log file validation is on", violations: (tf) => trailViolations(tf, (t) => t.enable_log_file_validation === true) },
  { ids: ["CKV_AWS_35", "AVD-AWS-0015", "CIS 3.5"], property: "the trail encrypts with a customer managed KMS key", violations: (tf) => trailViolations(tf, (t) => typeof t.kms_key_id === "string" && t.kms_key_id.length > 0) },
  { ids: ["CKV_AWS_251"], property: "logging is on", violations: (tf) => trailViolations(tf, (t) => t.enable_logging !== false) },
  { ids: ["CKV2_AWS_10", "AVD-AWS-0162"], property: "the trail delivers to CloudWatch Logs", violations: (tf) => trailViolations(tf, (t) => typeof t.cloud_watch_logs_group_arn === "string") },
  { ids: ["CKV_AWS_252"], property: "the trail notifies an SNS topic", violations: (tf) => trailViolations(tf, (t) => typeof t.sns_topic_name === "string") },
  { ids: ["AVD-AWS-0161"], property: "the trail's bucket is not public (all public access blocked)", violations: (tf) => trailViolations(tf, (t) => publicAccessBlocked(tf, trailBucket(tf, t) ?? "", ...ALL_BLOCKS)) },
  { ids: ["AVD-AWS-0163", "CIS 3.4"], property: "the trail's bucket has server access logging", violations: (tf) => trailViolations(tf, (t) => forBucket(tf, "aws_s3_bucket_logging", trailBucket(tf, t) ?? "") !== undefined) },
  // -- buckets
  {
    ids: ["CKV_AWS_18", "AVD-AWS-0089"],
    property: "server access logging to a separate bucket",
    violations: (tf) => bucketViolations(tf, (n) => { const l = forBucket(tf, "aws_s3_bucket_logging", n); return l !== undefined && !refersTo(l.target_bucket, "aws_s3_bucket", n); }),
  },
  { ids: ["CKV_AWS_21", "AVD-AWS-0090"], property: "versioning is enabled", violations: (tf) => bucketViolations(tf, (n) => (one(forBucket(tf, "aws_s3_bucket_versioning", n)?.versioning_configuration) as Resource | undefined)?.status === "Enabled") },
  {
    ids: ["AVD-AWS-0170"],
    property: "MFA delete is enabled",
    violations: (tf) => bucketViolations(tf, (n) => (one(forBucket(tf, "aws_s3_bucket_versioning", n)?.versioning_configuration) as Resource | undefined)?.mfa_delete === "Enabled"),
  },
  {
    ids: ["AVD-AWS-0088"],
    property: "default encryption is configured",
    violations: (tf) => bucketViolations(tf, (n) => forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", n) !== undefined),
  },
  {
    ids: ["CKV_AWS_145", "AVD-AWS-0132"],
    property: "default encryption with a KMS key (SSE-KMS)",
    violations: (tf) =>
      bucketViolations(tf, (n) => {
        const rule = one(forBucket(tf, "aws_s3_bucket_server_side_encryption_configuration", n)?.rule as Resource[] | undefined);
        const d = one(rule?.apply_server_side_encryption_by_default as Resource | undefined) as Resource | undefined;
        return d?.sse_algorithm === "aws:kms" && typeof d.kms_master_key_id === "string";
      }),
  },
  { ids: ["CKV2_AWS_6", "AVD-AWS-0094"], property: "a public access block exists", violations: (tf) => bucketViolations(tf, (n) => forBucket(tf, "aws_s3_bucket_public_access_block", n) !== undefined) },
  { ids: ["CKV_AWS_53", "AVD-AWS-0086"], property: "public ACLs are blocked", violations: (tf) => bucketViolations(tf, (n) => publicAccessBlocked(tf, n, "block_public_acls")) },
  { ids: ["CKV_AWS_54", "AVD-AWS-0087"], property: "public policies are blocked", violations: (tf) => bucketViolations(tf, (n) => publicAccessBlocked(tf, n, "block_public_policy")) },
  { ids: ["CKV_AWS_55", "AVD-AWS-0091"], property: "public ACLs are ignored", violations: (tf) => bucketViolations(tf, (n) => publicAccessBlocked(tf, n, "ignore_public_acls")) },
  { ids: ["CKV_AWS_56", "AVD-AWS-0093"], property: "public buckets are restricted", violations: (tf) => bucketViolations(tf, (n) => publicAccessBlocked(tf, n, "restrict_public_buckets")) },
  {
    ids: ["AVD-AWS-0092"],
    property: "no ACL grants access (no aws_s3_bucket_acl, no acl argument)",
    violations: (tf) => [...resources(tf, "aws_s3_bucket_acl").map(([n]) => `aws_s3_bucket_acl.${n}`), ...bucketViolations(tf, (n) => tf.resource.aws_s3_bucket[n].acl === undefined)],
  },
  { ids: ["CKV_AWS_70"], property: "the bucket policy allows no unconditioned * principal", violations: (tf) => bucketViolations(tf, (n) => !unconditionedStar(policyOf(forBucket(tf, "aws_s3_bucket_policy", n)))) },
  { ids: ["CKV2_AWS_65"], property: "Object Ownership is BucketOwnerEnforced (ACLs disabled)", violations: (tf) => bucketViolations(tf, (n) => (one(forBucket(tf, "aws_s3_bucket_ownership_controls", n)?.rule) as Resource | undefined)?.object_ownership === "BucketOwnerEnforced") },
  {
    ids: ["CKV_AWS_143"],
    // Enabled by the Object Lock configuration (in place on an existing bucket), not the bucket's ForceNew argument.
    property: "Object Lock is enabled with a default retention",
    violations: (tf) =>
      bucketViolations(tf, (n) => {
        const lock = forBucket(tf, "aws_s3_bucket_object_lock_configuration", n);
        return lock?.object_lock_enabled === "Enabled" && one(lock.rule) !== undefined;
      }),
  },
  { ids: ["CKV2_AWS_61"], property: "a lifecycle configuration is enabled", violations: (tf) => bucketViolations(tf, (n) => (forBucket(tf, "aws_s3_bucket_lifecycle_configuration", n)?.rule as Resource[] | undefined)?.some((r) => r.status === "Enabled") === true) },
  {
    ids: ["CKV_AWS_300"],
    property: "incomplete multipart uploads are aborted",
    violations: (tf) => bucketViolations(tf, (n) => (forBucket(tf, "aws_s3_bucket_lifecycle_configuration", n)?.rule as Resource[] | undefined)?.some((r) => r.status === "Enabled" && one(r.abort_incomplete_multipart_upload as Resource[])?.days_after_initiation !== undefined) === true),
  },
  {
    ids: ["CIS 2.1.1"],
    property: "the bucket policy denies every request without TLS, on the bucket and its objects",
    violations: (tf) => bucketViolations(tf, (n) => tlsOnly(policyOf(forBucket(tf, "aws_s3_bucket_policy", n)), `arn:aws:s3:::${tf.resource.aws_s3_bucket[n].bucket}`)),
  },
  // -- key
  { ids: ["CKV_AWS_7", "CIS 3.6"], property: "key rotation is on", violations: (tf) => resources(tf, "aws_kms_key").filter(([, k]) => k.enable_key_rotation !== true).map(([n]) => `aws_kms_key.${n}`) },
  { ids: ["CKV_AWS_33"], property: "the key policy allows no unconditioned * principal", violations: (tf) => resources(tf, "aws_kms_key").filter(([, k]) => unconditionedStar(policyOf(k))).map(([n]) => `aws_kms_key.${n}`) },
  { ids: ["CKV2_AWS_64"], property: "the key has a policy", violations: (tf) => resources(tf, "aws_kms_key").filter(([, k]) => policyOf(k) === undefined).map(([n]) => `aws_kms_key.${n}`) },
  // -- IAM (the roles and policies of the access issue)
  {
    ids: ["CKV_AWS_60"],
    property: "no role trusts every principal",
    violations: (tf) => iamViolations(tf, (s, type) => type === "aws_iam_role" && s.Effect === "Allow" && (s.Principal === "*" || [(s.Principal as Record<string, unknown>)?.AWS].flat().includes("*"))),
  },
  {
    ids: ["CKV_AWS_61"],
    property: "no role trusts an account root (:root)",
    violations: (tf) => iamViolations(tf, (s, type) => type === "aws_iam_role" && s.Effect === "Allow" && [(s.Principal as Record<string, unknown>)?.AWS].flat().some((p) => typeof p === "string" && p.endsWith(":root"))),
  },
  {
    ids: ["CKV_AWS_62", "CKV_AWS_63"],
    property: "no IAM policy allows the action * (full administrator)",
    violations: (tf) => iamViolations(tf, (s, type) => type !== "aws_iam_role" && s.Effect === "Allow" && actions(s).includes("*")),
  },
  {
    ids: ["CKV_AWS_355"],
    property: "no IAM policy allows restrictable actions on the resource *",
    violations: (tf) => iamViolations(tf, (s, type) => type !== "aws_iam_role" && s.Effect === "Allow" && [s.Resource].flat().includes("*") && actions(s).some((a) => /^(s3|kms):/.test(a))),
  },
];
