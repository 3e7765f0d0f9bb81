import type { ResolvedDocument } from "../../modules/shared/document";
import type { LimitKind, NamedPolicy } from "../../modules/shared/limits";

/**
 * Reading `terraform show -json` output of any root: the deploy stack, or a plain-Terraform root that calls the
 * vendored modules. Resources are recognised by type and content (a policy attribute that parses as a policy
 * document), never by module or resource name, so a renamed module or a `for_each` instance reads the same.
 */

export type Values = Readonly<Record<string, unknown>>;

export interface ResourceChange {
  /** As `terraform plan` prints it: `module.log_archive.aws_s3_bucket.this`. */
  readonly address: string;
  readonly type: string;
  /** Terraform's actions: `["create"]`, `["delete", "create"]`, `["update"]`, `["forget"]`, `["no-op"]` … */
  readonly actions: readonly string[];
  readonly before?: Values;
  readonly after?: Values;
  readonly afterUnknown: Values;
  /** Top-level arguments Terraform says force the replacement. */
  readonly replacing: readonly string[];
}

export interface PlanDocument {
  readonly changes: ResourceChange[];
  readonly terraformVersion?: string;
}

/** Thrown when the file is not the JSON of a saved plan (`terraform show -json tfplan`). */
export class PlanReadError extends Error {
  constructor(
    readonly file: string,
    why: string,
  ) {
    super(`${file}: ${why}. Give the output of \`terraform plan -out=tfplan && terraform show -json tfplan > plan.json\`.`);
    this.name = "PlanReadError";
  }
}

export function readPlan(text: string, file: string): PlanDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new PlanReadError(file, `not JSON (${(e as Error).message})`);
  }
  const doc = raw as { format_version?: unknown; resource_changes?: unknown; terraform_version?: string; values?: unknown };
  if (!doc || typeof doc !== "object" || typeof doc.format_version !== "string") throw new PlanReadError(file, "not Terraform JSON output (no format_version)");
  if (doc.values !== undefined && doc.resource_changes === undefined) throw new PlanReadError(file, "this is the JSON of a state, not of a plan");
  const list = (doc.resource_changes ?? []) as unknown[];
  if (!Array.isArray(list)) throw new PlanReadError(file, "resource_changes is not a list");
  const changes = list
    .map((c) => c as { address: string; type: string; mode?: string; change?: Record<string, unknown> })
    .filter((c) => c.mode !== "data" && c.change)
    .map((c) => {
      const ch = c.change!;
      return {
        address: c.address,
        type: c.type,
        actions: (ch.actions as string[]) ?? [],
        before: (ch.before ?? undefined) as Values | undefined,
        after: (ch.after ?? undefined) as Values | undefined,
        afterUnknown: ((ch.after_unknown && typeof ch.after_unknown === "object" ? ch.after_unknown : {}) as Values),
        replacing: [...new Set(((ch.replace_paths as unknown[][]) ?? []).map((p) => String(p[0])))],
      };
    });
  return { changes, terraformVersion: doc.terraform_version };
}

export const isReplace = (c: ResourceChange): boolean => c.actions.includes("delete") && c.actions.includes("create");
export const isDelete = (c: ResourceChange): boolean => c.actions.length === 1 && c.actions[0] === "delete";

/** A policy document in the plan, before and after the change. */
export interface PlannedPolicy {
  readonly address: string;
  readonly type: string;
  /** As a reviewer names it: `bucket policy of "acme-logs"`, `role SiemVendor trust`. */
  readonly name: string;
  readonly kind: LimitKind;
  /** Who an identity policy's statements apply to (`role SiemVendor`); undefined for resource policies. */
  readonly holder?: string;
  /** The role a trust policy guards: the "resource" of its sts:AssumeRole. */
  readonly role?: string;
  readonly before?: ResolvedDocument;
  /** `"unknown"`: Terraform computes it during apply, so the plan cannot show it. */
  readonly after?: ResolvedDocument | "unknown";
}

interface PolicyAttribute {
  readonly attribute: string;
  readonly kind: LimitKind;
  readonly name: (v: Values, address: string, doc?: ResolvedDocument) => string;
  readonly holder?: (v: Values) => string;
  readonly role?: (v: Values) => string;
}

const q = (v: unknown): string => (typeof v === "string" && v ? JSON.stringify(v) : "");
const roleName = (v: Values): string => String(v.name ?? v.name_prefix ?? v.role ?? "?");

/** The bucket a bucket policy's statements name, for a policy whose `bucket` is known only after apply. */
function bucketOf(doc: ResolvedDocument | undefined): string | undefined {
  const resources = (doc?.Statement ?? []).flatMap((s) => [s.Resource ?? []].flat());
  const names = new Set(resources.flatMap((r) => /^arn:aws[\w-]*:s3:::([^/]+)/.exec(String(r))?.[1] ?? []));
  return names.size === 1 ? [...names][0] : undefined;
}

/** The resource types that carry a policy document, and where. */
const POLICY_ATTRIBUTES: Readonly<Record<string, PolicyAttribute>> = {
  aws_s3_bucket_policy: { attribute: "policy", kind: "bucketPolicy", name: (v, a, d) => `bucket policy of ${q(v.bucket) || q(bucketOf(d)) || a}` },
  aws_kms_key: { attribute: "policy", kind: "keyPolicy", name: (v, a) => `key policy of ${q(v.description) || a}` },
  aws_kms_key_policy: { attribute: "policy", kind: "keyPolicy", name: (v, a) => `key policy of ${q(v.key_id) || a}` },
  aws_sns_topic_policy: { attribute: "policy", kind: "snsTopicPolicy", name: (v, a) => `topic policy of ${q(v.arn) || a}` },
  aws_iam_role: { attribute: "assume_role_policy", kind: "trustPolicy", name: (v) => `role ${roleName(v)} trust`, role: (v) => `role ${roleName(v)}` },
  aws_iam_role_policy: { attribute: "policy", kind: "inlinePoliciesPerRole", name: (v) => `role ${String(v.role ?? "?")} inline policy ${q(v.name)}`.trim(), holder: (v) => `role ${String(v.role ?? "?")}` },
  aws_iam_policy: { attribute: "policy", kind: "managedPolicy", name: (v, a) => `managed policy ${q(v.name) || a}`, holder: (v) => `holders of policy ${String(v.name ?? "?")}` },
  aws_organizations_policy: { attribute: "content", kind: "scp", name: (v, a) => `SCP ${q(v.name) || a}`, holder: (v) => `accounts under SCP ${String(v.name ?? "?")}` },
};

export function policiesIn(plan: PlanDocument): PlannedPolicy[] {
  const out: PlannedPolicy[] = [];
  for (const c of plan.changes) {
    const p = POLICY_ATTRIBUTES[c.type];
    if (!p) continue;
    const before = documentOf(c.before?.[p.attribute]);
    const gone = isDelete(c) || c.actions.includes("forget");
    const after = gone ? undefined : c.afterUnknown[p.attribute] === true ? "unknown" : documentOf(c.after?.[p.attribute]);
    if (!before && !after) continue;
    // Names read from the after values, else the before ones (a replaced bucket's name is known, its policy's bucket not).
    const defined = (v: Values | undefined, unknown: Values) => Object.fromEntries(Object.entries(v ?? {}).filter(([k, x]) => x !== null && x !== undefined && unknown[k] !== true));
    const values = gone ? (c.before ?? {}) : { ...defined(c.before, {}), ...defined(c.after, c.afterUnknown) };
    out.push({
      address: c.address,
      type: c.type,
      name: p.name(values, c.address, after === "unknown" ? before : (after ?? before)),
      kind: p.kind,
      holder: p.holder?.(values),
      role: p.role?.(values),
      before,
      after,
    });
  }
  return out;
}

/** A policy attribute's JSON string as a document, or undefined when it is none. */
function documentOf(v: unknown): ResolvedDocument | undefined {
  if (typeof v !== "string" || !v.trim()) return undefined;
  try {
    const d = JSON.parse(v) as ResolvedDocument;
    if (!d || typeof d !== "object") return undefined;
    const statements = Array.isArray(d.Statement) ? d.Statement : d.Statement ? [d.Statement] : [];
    return { ...d, Statement: statements };
  } catch {
    return undefined;
  }
}

/**
 * The accounts the plan shows as the organization's own: owners of resources (account IDs inside ARNs) and
 * accounts whose log prefix appears (`AWSLogs/o-…/111122223333/`). Principal elements are left out on purpose: being
 * trusted by a policy is what makes an account a principal, not a member.
 */
export function accountsOfThePlan(plan: PlanDocument): Set<string> {
  const found = new Set<string>();
  const scan = (v: unknown): void => {
    if (typeof v === "string") {
      if (v.trim().startsWith("{") && v.includes("Statement")) {
        try {
          return scan(withoutPrincipals(JSON.parse(v)));
        } catch {
          // not JSON after all: scanned as text below
        }
      }
      for (const m of v.matchAll(/arn:aws[\w-]*:[\w-]+:[\w-]*:(\d{12}):/g)) found.add(m[1]);
      for (const m of v.matchAll(/AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})(?=\/|$)/g)) found.add(m[1]);
    } else if (Array.isArray(v)) v.forEach(scan);
    else if (v && typeof v === "object") Object.values(v).forEach(scan);
  };
  for (const c of plan.changes) {
    scan(c.before);
    scan(c.after);
  }
  return found;
}

function withoutPrincipals(doc: unknown): unknown {
  if (Array.isArray(doc)) return doc.map(withoutPrincipals);
  if (doc && typeof doc === "object") {
    return Object.fromEntries(Object.entries(doc).filter(([k]) => k !== "Principal" && k !== "NotPrincipal").map(([k, v]) => [k, withoutPrincipals(v)]));
  }
  return doc;
}

/** The documents the plan will apply, named as the review names them (`explain --plan`); unknown ones left out. */
export function plannedDocuments(plan: PlanDocument): { policies: NamedPolicy[]; unknown: string[] } {
  const all = policiesIn(plan).filter((p) => p.after);
  return {
    policies: all.flatMap((p) => (p.after && p.after !== "unknown" ? [{ name: p.name, kind: p.kind, document: p.after }] : [])),
    unknown: all.filter((p) => p.after === "unknown").map((p) => p.name),
  };
}
