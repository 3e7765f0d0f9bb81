import type { Day2Change } from "../stacks/day2/change";
import { grantLine, type Callout, type Grant, type PrincipalChange } from "../stacks/review/access";
import { GATES, type Gate, type Review, type SizeChange } from "../stacks/review/review";
import { field, HEADLINE } from "./day2-report";
import { plural } from "./report";

const REACH_WORDS = { public: "public", external: "outside the organization", organization: "" } as const;

const who = (c: Callout): string => `${c.principal} (${REACH_WORDS[c.reach]}${c.newThirdParty ? ", a new third party" : ""})`;

const sizeCell = (v: number | "unknown" | undefined): string => (v === undefined ? "—" : v === "unknown" ? "known after apply" : String(v));

const sizeNote = (s: SizeChange): string => (typeof s.after === "number" && s.after > s.limit ? "OVER THE LIMIT" : typeof s.after === "number" ? `${((100 * s.after) / s.limit).toFixed(1)} %` : "");

function counts(r: Review): string {
  const sensitive = r.access.callouts.length + r.destructive.length;
  const changed = r.access.principals.length;
  return sensitive
    ? `${plural(sensitive, "potentially sensitive change")}: new access from outside the organization ${r.access.callouts.length}, changes to what holds logs ${r.destructive.length}; access changes for ${plural(changed, "principal")}.`
    : `No potentially sensitive change; access changes for ${plural(changed, "principal")}.`;
}

const md = (s: string): string => s.replace(/\|/g, "\\|");
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

/** Markdown for a pull-request comment: what needs a second look first. */
export function reviewMarkdown(r: Review, hit: readonly Gate[]): string {
  const out = ["## orgtrail review", "", counts(r), ""];
  if (hit.length) out.push(`**Fails the gate${hit.length === 1 ? "" : "s"}: ${hit.map((g) => `\`${g}\` (${GATES[g].means})`).join("; ")}.**`, "");
  if (r.access.callouts.length) {
    out.push("### New access from outside the organization", "");
    for (const c of r.access.callouts) {
      out.push(`- **${who(c)}** ${c.what}${c.scope.length && c.what.startsWith("can") ? ", which may:" : ""}`);
      if (c.what.startsWith("can")) for (const s of c.scope) out.push(`  - ${s}`);
    }
    out.push("");
  }
  if (r.destructive.length) {
    out.push("### Changes to what holds, produces or decrypts logs", "");
    for (const c of r.destructive) out.push(...destructiveMarkdown(c));
  }
  out.push("### Access changes by principal", "");
  if (!r.access.principals.length) out.push("No principal gains or loses access.", "");
  else {
    out.push("| Principal | | Access | Policy |", "|---|---|---|---|");
    for (const p of r.access.principals) {
      const name = `${p.principal}${p.reach === "organization" ? "" : ` (${REACH_WORDS[p.reach]})`}`;
      for (const g of p.gained) out.push(`| ${md(name)} | gains | ${md(grantLine(g))} | ${md(g.policy)} |`);
      for (const g of p.lost) out.push(`| ${md(name)} | loses | ${md(grantLine(g))} | ${md(g.policy)} |`);
    }
    out.push("");
  }
  if (r.access.unknown.length) out.push(`Computed during apply, so not reviewed: ${r.access.unknown.map(code).join(", ")}.`, "");
  out.push("### Policy sizes", "", "| Policy | Before | After | Limit | Used |", "|---|---:|---:|---:|---:|");
  for (const s of r.sizes) out.push(`| ${md(s.name)} | ${sizeCell(s.before)} | ${sizeCell(s.after)} | ${s.limit} ${s.unit} | ${sizeNote(s)} |`);
  return out.join("\n") + "\n";
}

function destructiveMarkdown(c: Day2Change): string[] {
  return [`- **${code(c.address)}: ${c.action} — ${HEADLINE[c.outcome](c)}**`, `  - why: ${c.reason}`, `  - logs: ${c.effect}`, `  - safely: ${c.remedy}`, ""];
}

/** The same for a terminal. */
export function reviewText(r: Review, hit: readonly Gate[]): string {
  const out = [`orgtrail review: ${counts(r)}`, ""];
  if (r.access.callouts.length) {
    out.push("New access from outside the organization:");
    for (const c of r.access.callouts) {
      out.push(`  ${who(c)} ${c.what}`);
      if (c.what.startsWith("can")) for (const s of c.scope) out.push(`      ${s}`);
    }
    out.push("");
  }
  if (r.destructive.length) {
    out.push("Changes to what holds, produces or decrypts logs:", "");
    for (const c of r.destructive) out.push(`  ${c.address}: ${c.action} — ${HEADLINE[c.outcome](c)}`, field("why", c.reason), field("logs", c.effect), field("safely", c.remedy), "");
  }
  out.push("Access changes by principal:");
  if (!r.access.principals.length) out.push("  none");
  for (const p of r.access.principals) {
    out.push(`  ${p.principal}${p.reach === "organization" ? "" : ` (${REACH_WORDS[p.reach]})`}:`);
    const line = (sign: string, g: Grant) => `    ${sign} ${grantLine(g)}  [${g.policy}]`;
    out.push(...p.gained.map((g) => line("+", g)), ...p.lost.map((g) => line("-", g)));
  }
  if (r.access.unknown.length) out.push("", `Computed during apply, so not reviewed: ${r.access.unknown.join(", ")}`);
  out.push("", "Policy sizes (before -> after / limit):");
  for (const s of r.sizes) out.push(`  ${s.name}: ${sizeCell(s.before)} -> ${sizeCell(s.after)} / ${s.limit} ${s.unit} ${sizeNote(s)}`.trimEnd());
  if (hit.length) out.push("", `Fails: ${hit.map((g) => `${g} (${GATES[g].means})`).join("; ")}`);
  return out.join("\n") + "\n";
}

/** For tools: every finding with all its fields. */
export const reviewJson = (r: Review, hit: readonly Gate[]) => ({
  callouts: r.access.callouts,
  destructive: r.destructive,
  access: r.access.principals as readonly PrincipalChange[],
  unknownPolicies: r.access.unknown,
  sizes: r.sizes,
  organizationAccounts: r.organizationAccounts,
  failedOn: hit,
});
