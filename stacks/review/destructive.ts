import type { Day2Action, Day2Change, Day2Outcome } from "../day2/change";
import { LOG_HOLDERS } from "../day2/holders";
import type { HolderContext, LogHolder } from "../day2/holders/holder";
import { shown, type Body } from "../day2/terraform-json";
import { isDelete, isReplace, type PlanDocument, type ResourceChange } from "./plan";

/** What Terraform will write for a value it computes during apply, as `shown` prints it. */
const KNOWN_AFTER_APPLY = "${(known after apply)}";

/** The day-2 remedies name the deploy stack's folder; a reviewed plan may come from any root. */
const DEPLOY_STACK_FOLDER = " in <out>/stacks/org-cloudtrail (where cdktf runs Terraform)";
const THIS_ROOT = " in the root this plan was made in";

/**
 * The destructive changes of a plan, in the day-2 vocabulary (stacks/day2): a replace or delete of the trail, the
 * archive bucket, the key or the log group, a key prefix move, a key switch; with what each does to the logs already
 * there and how to make it safely. Terraform's own actions decide what happens; the holders say what it means.
 */
export function destructiveChanges(plan: PlanDocument): Day2Change[] {
  const out: Day2Change[] = [];
  for (const c of plan.changes) {
    const holder = LOG_HOLDERS.get(c.type);
    if (!holder || !c.before) continue;
    const before = c.before as Body;
    const after = c.after ? withUnknowns(c.after, c.afterUnknown) : undefined;
    const keepTogether = [c.address, ...configuring(c, holder, plan)];
    if (c.actions.includes("forget")) {
      const ctx: HolderContext = { address: c.address, before, action: "destroy", changed: [], keepTogether };
      out.push(make(holder, ctx, "a removed block takes it out of state", "kept", `Terraform forgets the ${holder.subject(before)} and leaves it, with what it holds, in AWS.`));
      continue;
    }
    if (isDelete(c) || isReplace(c)) {
      const action: Day2Action = isDelete(c) ? "destroy" : "replace";
      const changed = action === "replace" ? forcing(c, holder, after!) : [];
      const ctx: HolderContext = { address: c.address, before, after, action, changed, keepTogether };
      const kept = holder.keptByState?.(ctx);
      const reason =
        action === "destroy"
          ? `the plan deletes ${c.address}`
          : changed.length
            ? `${changed.map((a) => `${a} changes from ${shown(before[a])} to ${shown(after![a])}`).join("; ")}, which forces a new resource (${whys(holder, changed)})`
            : "the plan replaces it (forced by -replace, or by a change Terraform marks as forcing)";
      out.push(make(holder, ctx, reason, kept ? "kept" : "destroyed", kept ?? holder.destroyed(ctx)));
    }
    if (!after) continue;
    const action: Day2Action = isReplace(c) ? "replace" : "update";
    for (const rule of holder.strands ?? []) {
      const value = (b: Body, a: string) => (b[a] === undefined || b[a] === null ? rule.omitted?.[a] : b[a]);
      const changed = rule.arguments.filter((a) => JSON.stringify(value(before, a)) !== JSON.stringify(value(after, a)));
      if (!changed.length) continue;
      const ctx: HolderContext = { address: c.address, before, after, action, changed, keepTogether };
      const reason = `${changed.map((a) => `${a} changes from ${shown(value(before, a))} to ${shown(value(after, a))}`).join("; ")}${action === "update" ? " (an in-place update)" : ""}`;
      out.push({ ...make(holder, ctx, reason, "stranded", rule.effect(ctx)), remedy: here(rule.remedy(ctx)) });
    }
  }
  return out.sort((a, b) => SEVERITY.indexOf(a.outcome) - SEVERITY.indexOf(b.outcome));
}

const SEVERITY: readonly Day2Outcome[] = ["destroyed", "refused", "kept", "stranded"];

const here = (text: string): string => text.split(DEPLOY_STACK_FOLDER).join(THIS_ROOT);

function make(holder: LogHolder, c: HolderContext, reason: string, outcome: Day2Outcome, effect: string): Day2Change {
  return { address: c.address, subject: holder.subject(c.before), action: c.action, outcome, arguments: c.changed, reason, effect, remedy: here(holder.remedy(c)) };
}

/** Values Terraform computes during apply read as `(known after apply)`, as in `terraform plan`. */
function withUnknowns(after: Body, unknown: Body): Body {
  const out: Record<string, unknown> = { ...after };
  for (const [k, v] of Object.entries(unknown)) if (v === true) out[k] = KNOWN_AFTER_APPLY;
  return out;
}

/** The arguments that force the replacement: Terraform's replace_paths, else the holder's forcing arguments that differ. */
function forcing(c: ResourceChange, holder: LogHolder, after: Body): string[] {
  const names = holder.forcesReplacement.map((f) => f.name);
  if (c.replacing.length) return [...c.replacing];
  return names.filter((n) => after[n] !== undefined && JSON.stringify(c.before![n]) !== JSON.stringify(after[n]));
}

function whys(holder: LogHolder, changed: readonly string[]): string {
  const found = holder.forcesReplacement.filter((f) => changed.includes(f.name)).map((f) => f.why);
  return found.length ? [...new Set(found)].join("; ") : "the provider cannot change it in place";
}

/** Resources that configure this one (an S3 bucket's policy, encryption …): to be kept out of state with it. */
function configuring(c: ResourceChange, holder: LogHolder, plan: PlanDocument): string[] {
  const by = holder.configuredBy;
  if (!by || !c.before) return [];
  const own = c.before[by.argument];
  return plan.changes
    .filter((o) => o.address !== c.address && o.type.startsWith(by.typePrefix) && o.before && o.before[by.argument] === own)
    .map((o) => o.address);
}
