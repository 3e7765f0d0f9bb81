import { ConfigError, parseConfig } from "../config/load";
import type { Config } from "../config/schema";
import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization, type Construct } from "../modules/shared/facade";
import type { VariableSpec } from "../modules/shared/inputs";
import { rulesOf } from "../modules/shared/rules/field-rules";

/**
 * A prop, and the config field whose rules it obeys (the same rules as `orgtrail validate`). A path ending in `[0]`
 * puts the prop as the one element of a config list (`memberLogQueries.accounts[0]`).
 */
export type PropFields = Readonly<Record<string, string>>;

export interface PropProblem {
  readonly prop: string;
  readonly value?: unknown;
  readonly message: string;
}

/** Thrown by a construct whose props break a rule: every problem at once, each naming the prop. */
export class OrgtrailPropsError extends Error {
  constructor(
    readonly construct: string,
    readonly problems: readonly PropProblem[],
  ) {
    super(
      `${construct}: ${problems.length} invalid prop${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p.prop}: ${p.message}${p.value === undefined ? "" : ` (got ${JSON.stringify(p.value)})`}`).join("\n"),
    );
    this.name = "OrgtrailPropsError";
  }
}

/** A prop that may be a reference to another resource (unknown until apply): checked as a placeholder, passed as the module input. */
export interface Deferred {
  /** The module input the reference is given to. */
  readonly input: string;
  /** A value that meets the config's rules in its place, e.g. a key ARN of the same account and region. */
  readonly placeholder: (props: Readonly<Record<string, unknown>>) => string;
}

export interface PropsCheck {
  /** Where the construct goes: cdktf tokens among the references resolve in its stack. */
  readonly scope: Construct;
  /** Names the construct in errors: `ThirdPartyReaders "auditors"`. */
  readonly construct: string;
  readonly props: object;
  readonly fields: PropFields;
  /** Config the construct stands for whatever its props: `{ trail: { cloudWatchLogs: {} } }` for the alarms. */
  readonly base?: Readonly<Record<string, unknown>>;
  readonly deferred?: Readonly<Record<string, Deferred>>;
  /** Props that are module inputs without a config field, by input name: checked with the module variable's rules. */
  readonly inputs?: { readonly specs: readonly VariableSpec[]; readonly props: Readonly<Record<string, string>> };
  /** Problems the construct found itself (between props the config cannot relate), reported with the config's. */
  readonly problems?: readonly PropProblem[];
}

export interface CheckedProps {
  readonly config: Config;
  /** Module inputs the config cannot give: deferred references, input-only props and the tags. */
  readonly given: Record<string, unknown>;
}

/** A cdktf token or Terraform template text (`${aws_kms_key.x.arn}`, what orgtrail's constructs expose): known after apply. */
const isReference = (v: unknown): v is string => typeof v === "string" && (Token.isUnresolved(v) || /(^|[^$])\$\{/.test(v));

const elementPath = (path: string) => path.replace(/\[0\]$/, ".0");

/** The config the props stand for: fields the props leave out take the config's defaults. */
function configOf(c: PropsCheck, given: Record<string, unknown>): Record<string, unknown> {
  const props = c.props as Readonly<Record<string, unknown>>;
  const config: Record<string, unknown> = { organization: {}, trail: {}, logArchive: {}, ...structuredClone(c.base ?? {}) };
  for (const [prop, path] of Object.entries(c.fields)) {
    let value = props[prop];
    if (value === undefined) continue;
    const deferred = c.deferred?.[prop];
    if (deferred && isReference(value)) {
      // The concepts' props functions read template text (`${aws_sns_topic.x.arn}`), not cdktf's token strings.
      given[deferred.input] = Token.isUnresolved(value) ? Tokenization.resolve(value, { scope: TerraformStack.of(c.scope), resolver: new DefaultTokenResolver(new StringConcat()) }) : value;
      value = deferred.placeholder(props);
    }
    const element = path.endsWith("[0]");
    const keys = path.replace(/\[0\]$/, "").split(".");
    let at = config;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]] = element ? [value] : value;
  }
  return config;
}

/** The config's problem, named by the prop it comes from: `thirdPartyReaders[Auditor].externalId` stays, `trail.name` becomes `trailName`. */
function byProp(c: PropsCheck, p: { path: string; value?: unknown; message: string }): PropProblem {
  const props = c.props as Readonly<Record<string, unknown>>;
  let best: { prop: string; path: string } | undefined;
  for (const [prop, field] of Object.entries(c.fields)) {
    const path = elementPath(field);
    const covers = p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`);
    if (covers && (!best || path.length > best.path.length)) best = { prop, path };
  }
  const message = inPropTerms(c.fields, p.message);
  if (!best) return { prop: p.path, value: p.value, message };
  if (p.path === best.path) return { prop: best.prop, value: props[best.prop], message };
  return { prop: `${best.prop}${p.path.slice(best.path.length).replace(/\.(\d+)(?=\.|\[|$)/g, "[$1]")}`, value: p.value, message };
}

/** A rule's message names other settings by config path (`set trailGuardrail.protectArchive to false`): named by prop instead. */
function inPropTerms(fields: PropFields, message: string): string {
  const byLength = Object.entries(fields).sort(([, a], [, b]) => b.length - a.length);
  return byLength.reduce((m, [prop, path]) => m.replace(new RegExp(`\\b${elementPath(path).replace(/\./g, "\\.")}\\b`, "g"), prop), message);
}

/** Input-only props against their module variable's rules (and element rules), named by prop and element. */
function inputProblems(c: PropsCheck, given: Record<string, unknown>): PropProblem[] {
  if (!c.inputs) return [];
  const props = c.props as Readonly<Record<string, unknown>>;
  const specs = new Map(c.inputs.specs.map((s) => [s.name, s]));
  return Object.entries(c.inputs.props).flatMap(([prop, input]): PropProblem[] => {
    const value = props[prop];
    if (value === undefined) return [];
    given[input] = value;
    const spec = specs.get(input);
    if (!spec) throw new Error(`input ${input} is not in the table`);
    const rules = typeof spec.rules === "string" ? rulesOf(spec.rules) : spec.rules ?? [];
    const own = rules.filter((r) => !r.check(value)).map((r) => ({ prop, value, message: `must ${r.must}` }));
    const elements = spec.elementRules && Array.isArray(value) ? value : [];
    const each = elements.flatMap((x, i) => rulesOf(spec.elementRules!).filter((r) => !r.check(x)).map((r) => ({ prop: `${prop}[${i}]`, value: x, message: `must ${r.must}` })));
    return [...own, ...each];
  });
}

/**
 * Checks props through the config schema (its defaults and cross-field rules included) and the module variables'
 * rules, before the construct adds anything to its scope. Throws one OrgtrailPropsError naming every bad prop.
 */
export function checkProps(c: PropsCheck): CheckedProps {
  const given: Record<string, unknown> = {};
  const input = configOf(c, given);
  const problems = [...inputProblems(c, given), ...(c.problems ?? [])];
  let config: Config | undefined;
  try {
    config = parseConfig(input, c.construct);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    problems.unshift(...e.problems.map((p) => byProp(c, p)));
  }
  if (problems.length || !config) throw new OrgtrailPropsError(c.construct, problems);
  return { config, given: { tags: config.tags, ...given } };
}
