/**
 * Reading a Terraform JSON root (`*.tf.json`) the way `terraform plan` would address it: resource instances by
 * address, `moved` and `removed` blocks, lifecycle settings. Generic on purpose: nothing here knows orgtrail's
 * resource names, so a renamed construct or a resource behind `count`/`for_each` is still compared correctly.
 */

export type Body = Readonly<Record<string, unknown>>;

export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Body>>>>;
  readonly moved?: unknown;
  readonly removed?: unknown;
}

export interface Instance {
  /** `type.name`, `type.name[0]` or `type.name["key"]`, as `terraform plan` prints it. */
  readonly address: string;
  /** `type.name`: the resource block the instance comes from. */
  readonly block: string;
  readonly type: string;
  readonly body: Body;
  /** The instance key, or undefined for a resource without `count`/`for_each` (or with an expression for one). */
  readonly key?: number | string;
}

/**
 * Every resource instance of the document, by address. `count` and `for_each` given as literals expand to their
 * instances; given as expressions they cannot be expanded before plan, so the block stands for all of them.
 */
export function instances(doc: TerraformJson): Map<string, Instance> {
  const out = new Map<string, Instance>();
  for (const [type, byName] of Object.entries(doc.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const block = `${type}.${name}`;
      for (const key of instanceKeys(body)) {
        const address = key === undefined ? block : `${block}[${typeof key === "number" ? key : JSON.stringify(key)}]`;
        out.set(address, { address, block, type, body, key });
      }
    }
  }
  return out;
}

function instanceKeys(body: Body): (number | string | undefined)[] {
  const { count, for_each: forEach } = body;
  if (count !== undefined && !isExpression(count)) return Array.from({ length: Number(count) }, (_, i) => i);
  if (forEach !== undefined && !isExpression(forEach)) {
    if (Array.isArray(forEach)) return forEach.map(String);
    if (forEach && typeof forEach === "object") return Object.keys(forEach);
  }
  return [undefined];
}

/** Where each previous address lives now: `moved` blocks, followed through chains. */
export function movedTo(doc: TerraformJson): Map<string, string> {
  const moves = new Map(blocks(doc.moved).flatMap((m) => (typeof m.from === "string" && typeof m.to === "string" ? [[traversal(m.from), traversal(m.to)] as const] : [])));
  const resolved = new Map<string, string>();
  for (const from of moves.keys()) {
    let to = moves.get(from)!;
    for (let hops = 0; moves.has(to) && hops < moves.size; hops++) to = moves.get(to)!;
    resolved.set(from, to);
  }
  return resolved;
}

/** Addresses (instances or whole blocks) that a `removed` block takes out of state without destroying them. */
export function forgottenAddresses(doc: TerraformJson): Set<string> {
  return new Set(blocks(doc.removed).filter((r) => typeof r.from === "string" && setting(r.lifecycle, "destroy") === false).map((r) => traversal(r.from as string)));
}

/** A setting of a nested block, which Terraform JSON writes as an object or as a list of objects. */
export function setting(block: unknown, name: string): unknown {
  for (const b of blocks(block)) if (name in b) return b[name];
  return undefined;
}

export const isExpression = (v: unknown): boolean => typeof v === "string" && v.includes("${");

/** A value as a reviewer reads it: literals as JSON, a lone expression as its reference in backquotes, absence as "(none)". */
export function shown(v: unknown): string {
  if (v === undefined || v === null) return "(none)";
  if (typeof v === "string" && /^\$\{[^]*\}$/.test(v) && !v.slice(2, -1).includes("${")) return `\`${v.slice(2, -1)}\``;
  return JSON.stringify(v);
}

function blocks(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter((b): b is Record<string, unknown> => Boolean(b) && typeof b === "object");
  return v && typeof v === "object" ? [v as Record<string, unknown>] : [];
}

/** `moved`/`removed` addresses are traversals; a generator may still wrap them in `${ }`. */
const traversal = (s: string): string => s.replace(/^\$\{([^]*)\}$/, "$1").trim();
