import { isExpr, reference, toHcl, toTemplate, type Expr, type Value } from "./value";

/**
 * IAM policy documents as data.
 *
 * Builders are pure functions. Their inputs are values (value.ts): literals, or Terraform expressions that a caller
 * resolves later (a variable in a vendorable module); builders never look inside them. Parts of a document that
 * exist only under a condition are marked with `when()` / `whenPresent()`: with literal inputs `resolveDocument()`
 * decides them here, and the Terraform renderer turns them into expressions otherwise.
 */

export const POLICY_VERSION = "2012-10-17";

export type ConditionBlock = Record<string, Record<string, string | string[] | ForEach>>;

export interface Statement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal?: "*" | Record<string, string | string[]>;
  /** Absent only when `NotAction` is given (everything except those actions). */
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  /** Absent only in trust policies, whose resource is the role. */
  readonly Resource?: string | string[] | ForEach;
  readonly NotResource?: string | string[] | ForEach;
  readonly Condition?: ConditionBlock | Merge;
}

export interface PolicyDocument {
  readonly Version: typeof POLICY_VERSION;
  readonly Statement: ReadonlyArray<Statement | Optional<Statement[]> | OptionalInput<Statement[]>>;
}

/** Present only when `test` holds. */
export interface Optional<T> {
  readonly kind: "optional";
  readonly test: Value<boolean>;
  readonly value: T;
}

/**
 * Present only when an optional input is set. `value` is built from `bound`, a stand-in for the input that is
 * only valid inside it (Terraform must not touch a null input's attributes).
 */
export interface OptionalInput<T> {
  readonly kind: "optional-input";
  readonly input: Expr;
  readonly bind: string;
  readonly value: T;
}

/** A condition block assembled from parts, some of them optional; parts with the same operator are merged. */
export interface Merge {
  readonly kind: "merge";
  readonly parts: ReadonlyArray<ConditionBlock | Optional<ConditionBlock> | OptionalInput<ConditionBlock>>;
}

export function when<T>(test: Value<boolean>, value: T): Optional<T> {
  return { kind: "optional", test, value };
}

export function merge(...parts: Merge["parts"]): Merge {
  return { kind: "merge", parts };
}

/**
 * Present only when an optional input is set. `build` receives the literal value or, when Terraform decides the
 * input, a stand-in that refers to the bound name: `${bind}` for a scalar, `{ f: "${bind.f}" }` for an object with `fields`.
 */
export function whenPresent<I, T>(input: Value<I> | undefined, build: (value: I) => T, bind: string, fields?: readonly string[]): Optional<T> | OptionalInput<T> {
  if (!isExpr(input)) return when(input !== undefined, input === undefined ? (undefined as T) : build(input));
  const standIn = fields ? Object.fromEntries(fields.map((f) => [f, toTemplate(reference(`${bind}.${f}`))])) : toTemplate(reference(bind));
  return { kind: "optional-input", input, bind, value: build(standIn as I) };
}

/**
 * A list with one string per element of an input list. `value` is built from the stand-in `${bind}`; only
 * renderers look inside. Built by `forEachOf`, which maps a literal list here.
 */
export interface ForEach {
  readonly kind: "for-each";
  readonly over: Expr;
  readonly bind: string;
  readonly value: string;
}

export function forEachOf(input: Value<readonly string[]>, build: (item: string) => string, bind: string): string[] | ForEach {
  if (!isExpr(input)) return input.map(build);
  return { kind: "for-each", over: input, bind, value: build(toTemplate(reference(bind))) };
}

export const isForEach = (v: unknown): v is ForEach =>
  typeof v === "object" && v !== null && (v as { kind?: string }).kind === "for-each";

/** A document with literal tests only, as AWS will receive it. Throws if a deferred test remains. */
export type ResolvedConditionBlock = Record<string, Record<string, string | string[]>>;
export interface ResolvedStatement extends Omit<Statement, "Condition" | "Resource" | "NotResource"> {
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: ResolvedConditionBlock;
}
export interface ResolvedDocument {
  readonly Version: typeof POLICY_VERSION;
  readonly Statement: ResolvedStatement[];
}

export function resolveDocument(doc: PolicyDocument): ResolvedDocument {
  const statements: ResolvedStatement[] = [];
  for (const item of doc.Statement) {
    if (isOptional(item)) {
      if (literal(item.test)) statements.push(...(item.value as Statement[]).map(resolveStatement));
    } else if (isOptionalInput(item)) throw new Error("an optional input is deferred; resolve it in the renderer");
    else statements.push(resolveStatement(item as Statement));
  }
  return { Version: doc.Version, Statement: statements };
}

function resolveStatement(s: Statement): ResolvedStatement {
  if (JSON.stringify(s).includes('"kind":"for-each"')) throw new Error(`${s.Sid}: a list over a deferred input; resolve it in the renderer`);
  if (!s.Condition || !isMerge(s.Condition)) return s as ResolvedStatement;
  const block: ConditionBlock = {};
  for (const part of s.Condition.parts) {
    let value: ConditionBlock | undefined;
    if (isOptional(part)) value = literal(part.test) ? (part.value as ConditionBlock) : undefined;
    else if (isOptionalInput(part)) throw new Error(`${s.Sid}: an optional input is deferred; resolve it in the renderer`);
    else value = part as ConditionBlock;
    for (const [op, entries] of Object.entries(value ?? {})) block[op] = { ...block[op], ...entries };
  }
  return { ...s, Condition: block } as ResolvedStatement;
}

function literal(test: Value<boolean>): boolean {
  if (isExpr(test)) throw new Error(`a deferred test (${toHcl(test)}, decided by Terraform) cannot be resolved to a literal document`);
  return test;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isOptional = (v: unknown): v is Optional<any> =>
  typeof v === "object" && v !== null && (v as { kind?: string }).kind === "optional";
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isOptionalInput = (v: unknown): v is OptionalInput<any> =>
  typeof v === "object" && v !== null && (v as { kind?: string }).kind === "optional-input";
export const isMerge = (v: unknown): v is Merge =>
  typeof v === "object" && v !== null && (v as { kind?: string }).kind === "merge";

/** True when nothing in the document is deferred, so it can be resolved and measured here. */
export function isLiteral(doc: PolicyDocument): boolean {
  const walk = (v: unknown): boolean => {
    if (isExpr(v) || isOptionalInput(v) || isForEach(v)) return false;
    if (typeof v === "string") return !/\$\{(?![a-zA-Z0-9-]+:)/.test(v);
    if (Array.isArray(v)) return v.every(walk);
    if (v && typeof v === "object") return Object.values(v).every(walk);
    return true;
  };
  return walk(doc);
}
