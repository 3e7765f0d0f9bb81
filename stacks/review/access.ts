import type { ResolvedDocument, ResolvedStatement } from "../../modules/shared/document";
import type { PlannedPolicy } from "./plan";

/**
 * Access as a reviewer reads it, one grant per principal and resource: the statement's effect, actions and
 * conditions, and the policy that carries it. Gained and lost access are the grants of the `after` documents not
 * in `before`, and the other way round.
 */
export interface Grant {
  /** `account 999999999999`, `role SiemVendor`, `service cloudtrail.amazonaws.com`, `any principal in o-abc`, `anyone (*)`. */
  readonly principal: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** One resource (or `NOT …` for a NotResource), a trust policy's role. */
  readonly resource: string;
  /** What the resource means for the logs: `every account's logs`, `logs of account 333333333333`. */
  readonly scope?: string;
  readonly conditions: readonly string[];
  readonly policy: string;
  /** Who the principal is: `external` (an account the plan does not show in the organization), `public`, or `organization`. */
  readonly reach: Reach;
  /** The external ID a third party must present (sts:ExternalId), when it must. */
  readonly externalId?: string;
}

export type Reach = "public" | "external" | "organization";

export interface PrincipalChange {
  readonly principal: string;
  readonly reach: Reach;
  readonly gained: readonly Grant[];
  readonly lost: readonly Grant[];
}

/** Who may newly reach the logs from outside: an account outside the organization, or anyone. */
export interface Callout {
  readonly principal: string;
  readonly reach: Exclude<Reach, "organization">;
  /** `can now assume role SiemVendor (external ID required)` or `may now s3:GetObject on …`. */
  readonly what: string;
  /** The Allow grants of what it reaches (the role's policies), as `actions on resource (scope)`. */
  readonly scope: readonly string[];
  readonly newThirdParty: boolean;
}

export interface AccessChanges {
  readonly callouts: readonly Callout[];
  readonly principals: readonly PrincipalChange[];
  /** Policies Terraform computes during apply: their access cannot be read from the plan. */
  readonly unknown: readonly string[];
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function grantsOf(p: PlannedPolicy, doc: ResolvedDocument | undefined, members: ReadonlySet<string>): Grant[] {
  if (!doc) return [];
  return doc.Statement.flatMap((s) => statementGrants(p, s, members));
}

function statementGrants(p: PlannedPolicy, s: ResolvedStatement, members: ReadonlySet<string>): Grant[] {
  const conditions = Object.entries(s.Condition ?? {})
    .flatMap(([op, entries]) => Object.entries(entries).map(([key, value]) => `${key} ${op} ${list(value).join(" | ")}`))
    .sort();
  const actions = [...list(s.Action), ...list((s as { NotAction?: string | string[] }).NotAction).map((a) => `NOT ${a}`)];
  // A NotResource list is one exception set (deny everything but all of them), never one grant per value.
  const except = list(s.NotResource);
  const resources = [...list(s.Resource), ...(except.length ? [`NOT ${except.join(" | ")}`] : [])];
  const on = resources.length ? resources : [p.role ?? p.holder ?? p.name];
  const externalId = s.Condition?.StringEquals?.["sts:ExternalId"];
  return principalsOf(p, s).flatMap(({ principal, reach }) =>
    on.map((resource) => ({
      principal,
      effect: s.Effect,
      actions,
      resource,
      scope: scopeOf(resource),
      conditions,
      policy: p.name,
      reach: reach(members),
      ...(externalId ? { externalId: list(externalId).join(" | ") } : {}),
    })),
  );
}

type Who = { principal: string; reach: (members: ReadonlySet<string>) => Reach };

function principalsOf(p: PlannedPolicy, s: ResolvedStatement): Who[] {
  const organization = (): Reach => "organization";
  if (s.Principal === undefined) return [{ principal: p.holder ?? p.name, reach: organization }];
  const entries: [string, string][] = s.Principal === "*" ? [["AWS", "*"]] : Object.entries(s.Principal).flatMap(([kind, v]) => list(v).map((x) => [kind, x] as [string, string]));
  const orgIds = [...list(s.Condition?.StringEquals?.["aws:PrincipalOrgID"]), ...list(s.Condition?.["ForAnyValue:StringLike"]?.["aws:PrincipalOrgPaths"])];
  const accountScoped = ["aws:PrincipalAccount", "aws:SourceAccount", "aws:SourceArn", "aws:PrincipalArn"].some((k) => Object.values(s.Condition ?? {}).some((e) => k in e));
  return entries.map(([kind, x]) => {
    if (kind === "Service") return { principal: `service ${x}`, reach: organization };
    if (kind === "Federated") return { principal: `federated ${x}`, reach: () => "external" as const };
    if (x === "*") {
      if (orgIds.length) return { principal: `any principal in ${orgIds.join(" | ")}`, reach: organization };
      return { principal: accountScoped ? "any principal (scoped by condition)" : "anyone (*)", reach: () => (accountScoped ? "organization" : "public") };
    }
    const account = /^\d{12}$/.test(x) ? x : /^arn:aws[\w-]*:iam::(\d{12}):root$/.exec(x)?.[1];
    const owner = account ?? /^arn:aws[\w-]*:\w+::(\d{12}):/.exec(x)?.[1];
    return {
      principal: account ? `account ${account}` : x,
      reach: (members) => (owner && !members.has(owner) ? "external" : "organization"),
    };
  });
}

/** What an S3 resource means for CloudTrail logs, read off its key: AWSLogs/<org>/<account>/… */
export function scopeOf(resource: string): string | undefined {
  if (resource.startsWith("NOT ") && resource.includes(" | ")) {
    const scopes = [...new Set(resource.slice(4).split(" | ").map((r) => scopeOf(`NOT ${r}`)))];
    return scopes.length === 1 ? scopes[0] : undefined;
  }
  const m = /^(NOT )?arn:aws[\w-]*:s3:::[^/]+\/(.*)$/.exec(resource);
  if (!m) return undefined;
  const key = m[2];
  const not = m[1] ? "everything but " : "";
  if (key === "*") return `${not}every object in the bucket`;
  if (/(^|\/)AWSLogs\/(o-[a-z0-9]+\/)?\*$/.test(key)) return `${not}every account's logs`;
  const account = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})\/\*$/.exec(key);
  if (account) return `${not}logs of account ${account[1]}`;
  if (/AWSLogs\/(?:o-[a-z0-9]+\/)?\$\{aws:PrincipalAccount\}\/\*$/.test(key)) return `${not}each caller's own account's logs`;
  return undefined;
}

const keyOf = (g: Grant): string => JSON.stringify([g.principal, g.effect, g.actions, g.resource, g.conditions, g.policy]);

export const grantLine = (g: Grant): string =>
  `${g.effect === "Allow" ? "" : "DENY "}${g.actions.join(", ")} on ${g.resource}${g.scope ? ` (${g.scope})` : ""}${g.conditions.length ? ` if ${g.conditions.join(" and ")}` : ""}`;

const REACH_ORDER: readonly Reach[] = ["public", "external", "organization"];

/** A condition as `grantLine` prints it, `key operator value | value`, taken apart. */
function parsed(condition: string): { key: string; op: string; values: Set<string> } {
  const [key, op, ...rest] = condition.split(" ");
  return { key, op, values: new Set(rest.join(" ").split(" | ")) };
}

/**
 * Whether grant `a` applies to every request grant `b` applies to: the same principal, effect, actions, resource and
 * policy, no condition `b` lacks, and each condition at most as strict: a positive operator's values a superset of
 * b's (`s3:prefix StringLike old | new` covers `StringLike old`), a negated one's a subset, any other one equal.
 */
function covers(a: Grant, b: Grant): boolean {
  if (a.principal !== b.principal || a.effect !== b.effect || a.policy !== b.policy || a.resource !== b.resource) return false;
  if (JSON.stringify(a.actions) !== JSON.stringify(b.actions)) return false;
  const theirs = new Map(b.conditions.map((c) => { const p = parsed(c); return [`${p.key} ${p.op}`, p.values] as const; }));
  return a.conditions.every((c) => {
    const { key, op, values } = parsed(c);
    const old = theirs.get(`${key} ${op}`);
    if (!old) return false;
    const within = (x: Set<string>, y: Set<string>) => [...x].every((v) => y.has(v));
    if (/^(ForAnyValue:|ForAllValues:)?(String|Arn)(Equals|Like)(IgnoreCase)?(IfExists)?$/.test(op)) return within(old, values);
    if (/^(ForAnyValue:|ForAllValues:)?(String|Arn)Not(Equals|Like)(IgnoreCase)?(IfExists)?$/.test(op)) return within(values, old);
    return within(old, values) && within(values, old);
  });
}

export function accessChanges(policies: readonly PlannedPolicy[], members: ReadonlySet<string>): AccessChanges {
  const known = (d: PlannedPolicy["after"]) => (d === "unknown" ? undefined : d);
  const before = policies.flatMap((p) => grantsOf(p, p.before, members));
  const after = policies.flatMap((p) => grantsOf(p, known(p.after), members));
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const gained = after.filter((g) => !beforeKeys.has(keyOf(g)));
  // A grant whose condition values only widened (a new prefix beside the old one) is kept, not lost and gained anew.
  const lost = before.filter((g) => !afterKeys.has(keyOf(g)) && !after.some((a) => covers(a, g)));
  const byPrincipal = new Map<string, { reach: Reach; gained: Grant[]; lost: Grant[] }>();
  const entry = (g: Grant) => byPrincipal.get(g.principal) ?? byPrincipal.set(g.principal, { reach: g.reach, gained: [], lost: [] }).get(g.principal)!;
  gained.forEach((g) => entry(g).gained.push(g));
  lost.forEach((g) => entry(g).lost.push(g));
  const principals = [...byPrincipal.entries()]
    .map(([principal, e]) => ({ principal, ...e }))
    .sort((a, b) => REACH_ORDER.indexOf(a.reach) - REACH_ORDER.indexOf(b.reach) || a.principal.localeCompare(b.principal));
  const newRoles = new Set(policies.filter((p) => p.role && !p.before && p.after).map((p) => p.role!));
  const callouts: Callout[] = gained
    .filter((g): g is Grant & { reach: "public" | "external" } => g.effect === "Allow" && g.reach !== "organization")
    .map((g) => {
      const assumes = g.actions.some((a) => /^sts:AssumeRole/.test(a)) && g.resource.startsWith("role ");
      const reached = assumes ? after.filter((x) => x.principal === g.resource && x.effect === "Allow").map(grantLine) : [grantLine(g)];
      return {
        principal: g.principal,
        reach: g.reach,
        what: assumes ? `can now assume ${g.resource}${g.externalId ? ` (external ID ${g.externalId})` : ""}` : `may now ${grantLine(g)}`,
        scope: reached,
        newThirdParty: assumes && newRoles.has(g.resource),
      };
    })
    .sort((a, b) => REACH_ORDER.indexOf(a.reach) - REACH_ORDER.indexOf(b.reach));
  const unknown = policies.filter((p) => p.after === "unknown").map((p) => p.name);
  return { callouts, principals, unknown };
}
