import type { Config } from "../config/schema";
import type { ResolvedStatement } from "../modules/shared/document";
import { measure, type SizeReport } from "../modules/shared/limits";
import { policiesOf, type NamedPolicy } from "./policy-sizes";

/** One grant or denial, as a reviewer reads it: who, may or may not, do what, where, under which conditions. */
export interface AccessRow {
  readonly policy: string;
  readonly sid: string;
  readonly effect: "Allow" | "Deny";
  readonly principal: string;
  readonly actions: string[];
  readonly resources: string[];
  readonly conditions: string[];
}

export interface Explanation {
  readonly rows: AccessRow[];
  readonly sizes: SizeReport[];
}

/** The access matrix of every policy a config produces, read off the documents AWS will receive. */
export function explain(config: Config): Explanation {
  return explainPolicies(policiesOf(config));
}

/** The same for any documents: those a plan will apply (`explain --plan`). */
export function explainPolicies(policies: readonly NamedPolicy[]): Explanation {
  return {
    rows: policies.flatMap((p) => p.document.Statement.map((s) => row(p.name, s))),
    sizes: policies.map((p) => measure(p.name, p.document, p.kind)),
  };
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function principal(s: ResolvedStatement): string {
  const p = s.Principal;
  if (p === undefined) return "(identity policy holder)";
  if (p === "*") return "anyone";
  return Object.entries(p)
    .flatMap(([kind, v]) => list(v).map((x) => (kind === "AWS" && x === "*" ? "any AWS principal" : kind === "Service" ? `service ${x}` : x)))
    .join(", ");
}

function row(policy: string, s: ResolvedStatement): AccessRow {
  const conditions = Object.entries(s.Condition ?? {}).flatMap(([op, entries]) =>
    Object.entries(entries).map(([key, value]) => `${key} ${op} ${list(value).join(" | ")}`),
  );
  // NotAction / NotResource read as exclusions: a scoped Deny must not print like "deny everything".
  const notActions = list((s as { NotAction?: string | string[] }).NotAction).map((a) => `NOT ${a}`);
  const notResources = list(s.NotResource).map((r) => `NOT ${r}`);
  return { policy, sid: s.Sid, effect: s.Effect, principal: principal(s), actions: [...list(s.Action), ...notActions], resources: [...list(s.Resource), ...notResources], conditions };
}

export function formatText(e: Explanation): string {
  const out: string[] = [];
  let current = "";
  for (const r of e.rows) {
    if (r.policy !== current) out.push(`${(current = r.policy)}:`);
    out.push(`  ${r.effect === "Allow" ? "ALLOW" : "DENY "} ${r.principal}  [${r.sid}]`);
    out.push(`        ${r.actions.join(", ")}`);
    for (const res of r.resources) out.push(`        on ${res}`);
    for (const c of r.conditions) out.push(`        if ${c}`);
  }
  out.push("", "Policy sizes (as AWS counts them):");
  for (const s of e.sizes) out.push(`  ${s.name.padEnd(28)} ${String(s.size).padStart(6)} / ${s.limit} ${s.unit} (${((100 * s.size) / s.limit).toFixed(1)}%)`);
  return out.join("\n") + "\n";
}

const cell = (xs: string[]) => xs.map((x) => `\`${x.replace(/\|/g, "\\|")}\``).join("<br>");

/** Markdown for a pull-request description. */
export function formatMarkdown(e: Explanation): string {
  const out = ["### Access granted by the generated policies", "", "| Policy | Effect | Principal | Actions | Resources | Conditions |", "|---|---|---|---|---|---|"];
  for (const r of e.rows) out.push(`| ${r.policy} (${r.sid}) | ${r.effect} | ${r.principal} | ${cell(r.actions)} | ${cell(r.resources)} | ${cell(r.conditions)} |`);
  out.push("", "### Policy sizes", "", "| Policy | Size | Limit | Used |", "|---|---:|---:|---:|");
  for (const s of e.sizes) out.push(`| ${s.name} | ${s.size} ${s.unit} | ${s.limit} | ${((100 * s.size) / s.limit).toFixed(1)} % |`);
  return out.join("\n") + "\n";
}
