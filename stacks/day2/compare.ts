import type { Day2Action, Day2Change, Day2Outcome } from "./change";
import { LOG_HOLDERS } from "./holders";
import type { ForcingArgument, HolderContext, LogHolder, StrandingRule } from "./holders/holder";
import { forgottenAddresses, instances, isExpression, movedTo, setting, shown, type Body, type Instance, type TerraformJson } from "./terraform-json";

/**
 * Every change from the `before` deploy stack (what was applied, as far as orgtrail knows) to `after` that
 * replaces or destroys a resource holding, producing or decrypting logs, or strands its history: read from the
 * two Terraform JSON documents alone, with the provider's replacement rules (holders/), so it runs before
 * anything is written and without Terraform.
 */
export function compareDeployStacks(before: TerraformJson, after: TerraformJson): Day2Change[] {
  const next = instances(after);
  const moves = movedTo(after);
  const forgotten = forgottenAddresses(after);
  const changes: Day2Change[] = [];
  for (const prev of instances(before).values()) {
    const holder = LOG_HOLDERS.get(prev.type);
    if (!holder) continue;
    const keepTogether = [prev.address, ...configuring(prev, holder, before)];
    const now = counterpart(prev, next, moves);
    if (!now) {
      // prevent_destroy guards only while the resource block is still configured (an instance dropped by count/for_each).
      const block = moves.get(prev.block) ?? prev.block;
      const c: HolderContext = { address: prev.address, before: prev.body, action: "destroy", changed: [], keepTogether };
      const isForgotten = [prev.address, prev.block].some((a) => forgotten.has(a));
      const result = guard(holder, c, bodyOf(after, block), isForgotten);
      const remedy = isForgotten && result.outcome === "kept" ? holder.keptRemedy?.(c) : undefined;
      changes.push(change(holder, c, destroyReason(prev, block, after), result, remedy));
      continue;
    }
    const forced = holder.forcesReplacement.flatMap((a) => forcedChange(a, prev.body, now.body));
    const action: Day2Action = forced.length ? "replace" : "update";
    if (forced.length) {
      const c: HolderContext = { address: now.address, before: prev.body, after: now.body, action, changed: forced.map((f) => f.name), keepTogether };
      const whys = [...new Set(forced.map((f) => f.why))].join("; ");
      changes.push(change(holder, c, `${forced.map((f) => `${f.name} changes from ${shown(f.was)} to ${shown(f.now)}`).join("; ")}, which forces a new resource (${whys})`, guard(holder, c, now.body, false)));
    }
    for (const rule of holder.strands ?? []) {
      const changed = rule.arguments.filter((a) => !same(valueOf(rule, prev.body, a), valueOf(rule, now.body, a)));
      if (!changed.length) continue;
      const c: HolderContext = { address: now.address, before: prev.body, after: now.body, action, changed, keepTogether };
      const reason = `${changed.map((a) => `${a} changes from ${shown(valueOf(rule, prev.body, a))} to ${shown(valueOf(rule, now.body, a))}`).join("; ")}${action === "update" ? " (an in-place update)" : ""}`;
      changes.push(change(holder, c, reason, { outcome: "stranded", effect: rule.effect(c) }, rule.remedy(c)));
    }
  }
  return changes.sort((a, b) => SEVERITY.indexOf(a.outcome) - SEVERITY.indexOf(b.outcome));
}

const SEVERITY: readonly Day2Outcome[] = ["destroyed", "refused", "kept", "stranded"];

function change(holder: LogHolder, c: HolderContext, reason: string, result: { outcome: Day2Outcome; effect: string }, remedy = holder.remedy(c)): Day2Change {
  return { address: c.address, subject: holder.subject(c.before), action: c.action, outcome: result.outcome, arguments: c.changed, reason, effect: result.effect, remedy };
}

/** What a replacement or destruction really does, given the protections the documents carry. */
function guard(holder: LogHolder, c: HolderContext, configured: Body | undefined, isForgotten: boolean): { outcome: Day2Outcome; effect: string } {
  if (configured && setting(configured.lifecycle, "prevent_destroy") === true) {
    return {
      outcome: "refused",
      effect:
        `lifecycle.prevent_destroy is set: terraform plan fails ("Instance cannot be ${c.action === "replace" ? "replaced" : "destroyed"}"). ` +
        "Nothing is destroyed, and nothing else in the stack is applied until the change is reverted or made the safe way.",
    };
  }
  if (isForgotten) {
    return { outcome: "kept", effect: `A removed block with lifecycle { destroy = false } takes it out of state: Terraform forgets the ${holder.subject(c.before)} and leaves it, with what it holds, in AWS.` };
  }
  const kept = holder.keptByState?.(c);
  return kept ? { outcome: "kept", effect: kept } : { outcome: "destroyed", effect: holder.destroyed(c) };
}

function destroyReason(prev: Instance, block: string, after: TerraformJson): string {
  return bodyOf(after, block) ? `${prev.address} is no longer an instance of ${block} (count / for_each)` : `${prev.block} is no longer in the configuration`;
}

/** The instance `prev` became: same address, its `moved` target, or Terraform's implicit move between no key and [0]. */
function counterpart(prev: Instance, next: Map<string, Instance>, moves: Map<string, string>): Instance | undefined {
  const suffix = prev.address.slice(prev.block.length);
  const candidates = [moves.get(prev.address), moves.has(prev.block) ? `${moves.get(prev.block)}${suffix}` : undefined, prev.address];
  for (const address of candidates) {
    if (!address) continue;
    const block = address.replace(/\[[^\]]*\]$/, "");
    const found = next.get(address) ?? (prev.key === undefined ? next.get(`${block}[0]`) : prev.key === 0 ? next.get(block) : undefined) ?? unexpanded(next, block);
    if (found?.type === prev.type) return found;
  }
  return undefined;
}

/** A block whose count/for_each is an expression stands for all its instances: it may still hold this one. */
function unexpanded(next: Map<string, Instance>, block: string): Instance | undefined {
  const i = next.get(block);
  return i && (isExpression(i.body.count) || isExpression(i.body.for_each)) ? i : undefined;
}

/** The resources that configure `prev` (holder.configuredBy), by address. */
function configuring(prev: Instance, holder: LogHolder, doc: TerraformJson): string[] {
  const by = holder.configuredBy;
  if (!by) return [];
  const reference = new RegExp(`(^|[^\\w.])${prev.address.replace(/[.*+?^${}()|[\]\\"]/g, "\\$&")}[.[]`);
  return [...instances(doc).values()]
    .filter((i) => i.type.startsWith(by.typePrefix))
    .filter((i) => {
      const v = i.body[by.argument];
      // By reference (`${aws_s3_bucket.log_archive.id}`) or, when the generator writes literals, by the same name.
      return isExpression(v) ? reference.test(v as string) : v !== undefined && v === prev.body[by.argument];
    })
    .map((i) => i.address);
}

function bodyOf(doc: TerraformJson, block: string): Body | undefined {
  const dot = block.indexOf(".");
  return doc.resource?.[block.slice(0, dot)]?.[block.slice(dot + 1)];
}

interface Forced {
  readonly name: string;
  readonly why: string;
  readonly was: unknown;
  readonly now: unknown;
}

/** The forcing argument's change, if it changes: what the state holds against what the plan will want. */
function forcedChange(a: ForcingArgument, before: Body, after: Body): Forced[] {
  const omittedAs = "prior" in a.omitted ? a.omitted.createdAs : a.omitted.default;
  const was = isSet(before[a.name]) ? before[a.name] : omittedAs;
  // Optional+Computed: leaving the argument out keeps whatever the state holds.
  if (!isSet(after[a.name]) && "prior" in a.omitted) return [];
  const now = isSet(after[a.name]) ? after[a.name] : omittedAs;
  return same(was, now) ? [] : [{ name: a.name, why: a.why, was, now }];
}

const valueOf = (rule: StrandingRule, body: Body, a: string): unknown => (isSet(body[a]) ? body[a] : rule.omitted?.[a]);

/** Terraform treats null as an argument left out. */
const isSet = (v: unknown): boolean => v !== undefined && v !== null;

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "undefined";
}
