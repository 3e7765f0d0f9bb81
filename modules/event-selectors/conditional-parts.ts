import { ifElse, isExpr, literal, reference, toHcl, type Value } from "../shared/value";

/**
 * A list whose items may be present only under a test, described once and rendered two ways: resolved to a plain
 * list when every test is literal (a config), or written as the Terraform list expression that decides them at plan
 * time (module variables).
 */
export type Part<T> = T | Conditional<T>;

export interface Conditional<T> {
  readonly kind: "conditional";
  readonly test: Value<boolean>;
  /** Whether the items are present when the test holds (`when`) or when it fails (`unless`). */
  readonly presentIf: boolean;
  readonly items: readonly T[];
}

/** Items present only when `test` holds. */
export const when = <T>(test: Value<boolean>, ...items: T[]): Conditional<T> => ({ kind: "conditional", test, presentIf: true, items });

/** Items present unless `test` holds. */
export const unless = <T>(test: Value<boolean>, ...items: T[]): Conditional<T> => ({ kind: "conditional", test, presentIf: false, items });

const isConditional = <T>(p: Part<T>): p is Conditional<T> => typeof p === "object" && p !== null && (p as { kind?: string }).kind === "conditional";

/** The items present, for literal tests; throws when Terraform decides a test. */
export function resolveParts<T>(parts: readonly Part<T>[]): T[] {
  return parts.flatMap((p) => (!isConditional(p) ? [p] : literal(p.test, "a selector's presence") === p.presentIf ? [...p.items] : []));
}

/**
 * The list as a Terraform expression: items of literal parts in one list constructor, each conditional part as
 * `test ? [items] : []` (or `test ? [] : [items]` for `unless`), joined by `concat`.
 */
export function partsHcl<T>(parts: readonly Part<T>[], item: (t: T) => string): string {
  const groups: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) groups.push(`[${run.join(", ")}]`);
    run = [];
  };
  for (const p of parts) {
    if (!isConditional(p)) run.push(item(p));
    else if (!isExpr(p.test)) {
      if (p.test === p.presentIf) run.push(...p.items.map(item));
    } else {
      flush();
      const items = reference(`[${p.items.map(item).join(", ")}]`);
      const none = reference("[]");
      groups.push(toHcl(p.presentIf ? ifElse(p.test, items, none) : ifElse(p.test, none, items)));
    }
  }
  flush();
  if (groups.length === 0) return "[]";
  return groups.length === 1 ? groups[0] : `concat(${groups.join(", ")})`;
}
