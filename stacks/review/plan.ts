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
  /** What each argument's expression refers to, from the plan's configuration (`aws_iam_policy.reader.arn`). */
  readonly references: Readonly<Record<string, readonly string[]>>;
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
  const references = configuredReferences((doc as { configuration?: { root_module?: ConfigModule } }).configuration?.root_module);
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
        references: references.get(withoutIndexes(c.address)) ?? {},
      };
    });
  return { changes, terraformVersion: doc.terraform_version };
}

interface ConfigModule {
  readonly resources?: readonly { address: string; expressions?: Record<string, { references?: string[] }> }[];
  readonly module_calls?: Readonly<Record<string, { module?: ConfigModule }>>;
}

/** `module.a["x"].aws_iam_policy.p[0]` → `module.a.aws_iam_policy.p`: an instance's address in the configuration. */
export const withoutIndexes = (address: string): string => address.replace(/\[[^\]]*\]/g, "");

/** The module path of an address, with its instance keys: `module.a["x"].` of `module.a["x"].aws_iam_policy.p`. */
export const modulePathOf = (address: string): string => /^((?:module\.[\w-]+(?:\[[^\]]*\])?\.)*)/.exec(address)![1];

/** Each configured resource's argument references, by configuration address (module calls followed down). */
function configuredReferences(root: ConfigModule | undefined): Map<string, Record<string, readonly string[]>> {
  const out = new Map<string, Record<string, readonly string[]>>();
  const walk = (m: ConfigModule | undefined, prefix: string): void => {
    for (const r of m?.resources ?? []) {
      out.set(`${prefix}${r.address}`, Object.fromEntries(Object.entries(r.expressions ?? {}).flatMap(([k, e]) => (e?.references ? [[k, e.references]] : []))));
    }
    for (const [name, call] of Object.entries(m?.module_calls ?? {})) walk(call.module, `${prefix}module.${name}.`);
  };
  walk(root, "");
  return out;
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

/** The attachment types: which argument names the policy, and who or what it attaches it to. */
const ATTACHMENTS: Readonly<Record<string, { readonly policy: string; readonly to: (v: Values) => string | undefined }>> = {
  aws_iam_role_policy_attachment: { policy: "policy_arn", to: (v) => (typeof v.role === "string" ? `role ${v.role}` : undefined) },
  aws_iam_user_policy_attachment: { policy: "policy_arn", to: (v) => (typeof v.user === "string" ? `user ${v.user}` : undefined) },
  aws_iam_group_policy_attachment: { policy: "policy_arn", to: (v) => (typeof v.group === "string" ? `group ${v.group}` : undefined) },
  aws_organizations_policy_attachment: { policy: "policy_id", to: (v) => (typeof v.target_id === "string" ? targetName(v.target_id) : undefined) },
};

const targetName = (id: string): string => (/^\d{12}$/.test(id) ? `account ${id}` : /^ou-/.test(id) ? `OU ${id}` : /^r-/.test(id) ? `root ${id}` : id);

/**
 * Who each managed policy or SCP of the plan is attached to, by the policy's address: an attachment names its
 * policy by ARN or ID when the policy exists, else by a reference the plan's configuration shows
 * (`aws_iam_policy.query_own_logs.arn`), resolved within the attachment's own module instance.
 */
function attachmentsOf(plan: PlanDocument): Map<string, string[]> {
  const byId = new Map<string, string>();
  for (const c of plan.changes) {
    for (const v of [c.before, c.after]) for (const k of ["arn", "id"]) if (typeof v?.[k] === "string") byId.set(v[k] as string, c.address);
  }
  const out = new Map<string, string[]>();
  for (const c of plan.changes) {
    const a = ATTACHMENTS[c.type];
    const v = isDelete(c) ? undefined : c.after;
    const to = v && a?.to(v);
    if (!a || !to) continue;
    const named = v[a.policy];
    const ref = c.references[a.policy]?.find((r) => /^aws_\w+\.[\w-]+$/.test(r));
    const module = modulePathOf(c.address);
    const policy =
      typeof named === "string"
        ? byId.get(named)
        : ref && plan.changes.find((p) => modulePathOf(p.address) === module && withoutIndexes(p.address.slice(module.length)) === ref)?.address;
    if (policy) out.set(policy, [...(out.get(policy) ?? []), to]);
  }
  return out;
}

/** An attached policy's holders: the roles, users and groups themselves; for an SCP, the accounts under its targets. */
const attachedHolder = (type: string, names: readonly string[], v: Values): string =>
  type === "aws_organizations_policy" ? `accounts under SCP ${String(v.name ?? "?")} (attached to ${holders(names)})` : holders(names);

/** `role LogAnalyst`, `roles LogAnalyst, Auditor`, `account 333333333333, OU ou-ab12-cdef3456`. */
function holders(names: readonly string[]): string {
  const sorted = [...new Set(names)].sort();
  const kinds = new Set(sorted.map((n) => n.split(" ")[0]));
  if (kinds.size === 1 && sorted.length > 1 && ["role", "user", "group"].includes([...kinds][0])) return `${[...kinds][0]}s ${sorted.map((n) => n.slice(n.indexOf(" ") + 1)).join(", ")}`;
  return sorted.join(", ");
}

export function policiesIn(plan: PlanDocument): PlannedPolicy[] {
  const attached = attachmentsOf(plan);
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
      holder: p.holder && attached.has(c.address) ? attachedHolder(c.type, attached.get(c.address)!, values) : p.holder?.(values),
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
