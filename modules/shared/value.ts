/**
 * A value that is either known at synth (a literal: the deploy stack, built from a config) or decided by Terraform
 * (an expression: a vendorable module's variables, `each.value`, a resource's attribute). Constructs take `Value<T>`
 * and never look inside an expression: the operations below fold literals into literals and build HCL otherwise,
 * so one construct serves both deliveries.
 *
 * Strings are Terraform template text, cdktf's convention for string attributes (`arn:${var.partition}:s3:::…`).
 * This file holds every conversion between template text and bare expressions (`fromTemplate`, `toTemplate`,
 * `toHcl`, `interpolation`); no other file cuts `${` and `}` off a string.
 */

/** How tightly an expression's outermost operator binds (HCL precedence), so operators add parentheses only where needed. */
type Binding = "conditional" | "or" | "and" | "comparison" | "unary" | "primary";
const RANK: Record<Binding, number> = { conditional: 0, or: 1, and: 2, comparison: 3, unary: 4, primary: 5 };

/** A Terraform expression in bare HCL, e.g. `var.bucket_name` or `each.value.require_mfa`. */
export class Expr {
  /** Use `expr()` or `reference()`. */
  constructor(
    readonly hcl: string,
    readonly binding: Binding,
  ) {}
}

export type Value<T> = T | Expr;

/** Any expression; operators put it in parentheses, as they cannot know its precedence. */
export const expr = (hcl: string): Expr => new Expr(hcl, "conditional");

/** A reference or a function call (`var.x`, `aws_iam_role.r[each.key].name`, `one(…)`): binds tightest. */
export const reference = (hcl: string): Expr => new Expr(hcl, "primary");

export const isExpr = (v: unknown): v is Expr => v instanceof Expr;

/** An attribute of an object-valued expression, e.g. `each.value` → `each.value.require_mfa`. */
export const attribute = (of: Expr, name: string): Expr => reference(`${wrap(of, "primary")}.${name}`);

/** The literal, or an error naming `what` when Terraform decides it (a literal-only path met a module's value). */
export function literal<T>(v: Value<T>, what: string): T {
  if (isExpr(v)) throw new Error(`${what} is deferred to Terraform (${v.hcl}); only a literal can be resolved here`);
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Conversions

/**
 * The bare HCL of a value: an expression as it is; a string as the expression it interpolates when it is exactly one
 * `${…}`, else as a quoted template; other literals as JSON, which Terraform reads as the same value.
 */
export function toHcl(v: unknown): string {
  if (isExpr(v)) return v.hcl;
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return interpolation(v) ?? quoteTemplate(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(toHcl).join(",")}]`;
  if (typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${toHcl(x)}`).join(",")}}`;
  }
  throw new Error(`no HCL for ${String(v)}`);
}

/** A value as cdktf takes attributes and overrides: a literal as it is, an expression as the template `${…}`. */
export function toTemplate(v: Value<string>): string;
export function toTemplate<T>(v: Value<T>): T | string;
export function toTemplate<T>(v: Value<T>): T | string {
  return isExpr(v) ? `\${${v.hcl}}` : v;
}

/** Template text as a value: the expression when the text is exactly one `${…}`, else the text itself. */
export function fromTemplate(text: string): Value<string> {
  const inner = interpolation(text);
  if (inner === undefined) return text;
  return TRAVERSAL.test(inner) ? reference(inner) : expr(inner);
}

/** `var.x`, `each.value.a`, `aws_kms_key.k[*].arn`, `local.y`: references that need no parentheses. */
const TRAVERSAL = /^[A-Za-z_][\w-]*(\.[\w-]+|\[[^\][]*\])*$/;

/** The expression of template text that is exactly one `${…}` interpolation; undefined for any other text. */
export function interpolation(text: string): string | undefined {
  if (!text.startsWith("${")) return undefined;
  return closingBrace(text, 1) === text.length - 1 ? text.slice(2, -1) : undefined;
}

/**
 * Template text as an HCL quoted template: literal parts escaped, interpolations and directives copied verbatim (their
 * inner strings already use HCL escapes), the escapes `$${` and `%%{` kept.
 */
export function quoteTemplate(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") {
      out += c + c + "{";
      i += 2;
    } else if ((c === "$" || c === "%") && text[i + 1] === "{") {
      const end = closingBrace(text, i + 1);
      out += text.slice(i, end + 1);
      i = end;
    } else out += ESCAPES[c] ?? c;
  }
  return `"${out}"`;
}

const ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r" };

/** The index of the `}` closing the interpolation or directive whose `{` is at `open`; quoted strings inside are skipped. */
export function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = closingQuote(text, i);
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced interpolation in ${text}`);
}

/** The index of the `"` closing the quoted template opened at `open`, past escapes and nested interpolations. */
function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === "\\") i++;
    else if (c === '"') return i;
    else if ((c === "$" || c === "%") && text[i + 1] === c && text[i + 2] === "{") i += 2;
    else if ((c === "$" || c === "%") && text[i + 1] === "{") i = closingBrace(text, i + 1);
  }
  throw new Error(`unterminated string in ${text}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Operations: a literal when every input is literal, an expression otherwise

/** HCL of a value in an operand position that binds at `least`: parenthesized when it binds more loosely. */
function wrap(v: unknown, least: Binding): string {
  const e = isExpr(v) ? v : typeof v === "string" ? fromTemplate(v) : v;
  return isExpr(e) && RANK[e.binding] < RANK[least] ? `(${e.hcl})` : toHcl(e);
}

/** Negation. The operand is always parenthesized: `!(var.x != null)` reads unambiguously. */
export function not(v: Value<boolean>): Value<boolean> {
  return isExpr(v) ? new Expr(`!(${v.hcl})`, "unary") : !v;
}

/** Conjunction; literal `true`s drop out, a literal `false` decides. */
export function and(...vs: Value<boolean>[]): Value<boolean> {
  if (vs.includes(false)) return false;
  const open = vs.filter(isExpr);
  if (open.length === 0) return true;
  if (open.length === 1) return open[0];
  return new Expr(open.map((e) => wrap(e, "and")).join(" && "), "and");
}

/** Equality of two scalars. */
export const eq = (a: Value<unknown>, b: Value<unknown>): Value<boolean> => compare(a, b, "==");

/** Inequality of two scalars. */
export const ne = (a: Value<unknown>, b: Value<unknown>): Value<boolean> => compare(a, b, "!=");

export const isNull = (v: Value<unknown>): Value<boolean> => eq(v, null);
export const notNull = (v: Value<unknown>): Value<boolean> => ne(v, null);

function compare(a: Value<unknown>, b: Value<unknown>, op: "==" | "!="): Value<boolean> {
  if (decidedHere(a) && decidedHere(b)) return (nullish(a) === nullish(b)) === (op === "==");
  return new Expr(`${wrap(a, "unary")} ${op} ${wrap(b, "unary")}`, "comparison");
}

const nullish = (v: unknown): unknown => (v === undefined ? null : v);

/** Neither an expression nor template text that interpolates: a value known at synth. */
const decidedHere = (v: unknown): boolean => !isExpr(v) && !(typeof v === "string" && /(^|[^$])\$\{|(^|[^%])%\{/.test(v));

/** Whether a list is empty. */
export function isEmpty(list: Value<readonly unknown[]>): Value<boolean> {
  return isExpr(list) ? new Expr(`length(${list.hcl}) == 0`, "comparison") : list.length === 0;
}

/** `test ? then : otherwise`. */
export function ifElse<A, B>(test: Value<boolean>, then: Value<A>, otherwise: Value<B>): Value<A | B> {
  if (!isExpr(test)) return test ? then : otherwise;
  return new Expr(`${wrap(test, "or")} ? ${wrap(then, "or")} : ${wrap(otherwise, "or")}`, "conditional");
}

/** The first argument that is neither null nor empty, as Terraform's `coalesce`. */
export function coalesce(...vs: Value<string | null | undefined>[]): Value<string> {
  const rest = [...vs];
  while (rest.length && decidedHere(rest[0]) && (rest[0] ?? "") === "") rest.shift();
  if (rest.length === 0) throw new Error("coalesce: every argument is null or empty");
  if (rest.length === 1 || decidedHere(rest[0])) return rest[0] as Value<string>;
  return reference(`coalesce(${rest.map(toHcl).join(", ")})`);
}

/**
 * A list with one element per element of `list`: mapped here for a literal list, a Terraform `for` expression
 * otherwise. `standIn` describes an element through the name `bind` (e.g. `o` → `{ bucketName: "${o.bucket_name}" }`).
 */
export function mapList<I, O>(list: Value<readonly I[]>, bind: string, standIn: (element: Expr) => I, build: (element: I) => Value<O>): Value<Value<O>[]> {
  if (!isExpr(list)) return list.map(build);
  return reference(`[for ${bind} in ${list.hcl} : ${toHcl(build(standIn(reference(bind))))}]`);
}
