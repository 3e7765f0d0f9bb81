import {
  isForEach,
  isLiteral,
  isMerge,
  isOptional,
  isOptionalInput,
  type ConditionBlock,
  type Merge,
  type Optional,
  type OptionalInput,
  type PolicyDocument,
  resolveDocument,
} from "./document";
import { closingBrace, expr, interpolation, isExpr, toHcl, toTemplate } from "./value";

/**
 * Renders a policy document as the Terraform expression `${jsonencode(...)}`, so that `terraform plan` shows the
 * policy as a structured document, fully known when its inputs are.
 *
 * Strings may carry Terraform interpolations (`${var.bucket_name}`), which are kept, and IAM policy variables
 * (`${aws:PrincipalAccount}`), which are escaped to `$${...}` so Terraform passes them to AWS verbatim.
 */
export function renderPolicy(doc: PolicyDocument): string {
  if (isLiteral(doc)) return escapeTemplate(JSON.stringify(resolveDocument(doc)));
  return toTemplate(expr(`jsonencode(${render(doc)})`));
}

/** Literal text as a Terraform string template: `${` and `%{` are escaped so Terraform passes them through. */
export function escapeTemplate(text: string): string {
  // Function replacers: in a replacement string "$$" would collapse to "$".
  return text.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** The inverse of `escapeTemplate`: the text Terraform hands to AWS. */
export function unescapeTemplate(text: string): string {
  return text.replace(/\$\$\{/g, () => "${").replace(/%%\{/g, () => "%{");
}

/** An IAM policy variable: `${service:Key}`. Terraform expressions never start with `identifier:`. */
const IAM_VARIABLE = /^[a-zA-Z0-9-]+:/;

/** An HCL string or, when the string is exactly one interpolation, the bare expression. */
export function hclString(s: string): string {
  if (s.includes("${TfToken[")) throw new Error(`unresolved cdktf token in policy text: ${s}; pass references as \${...} text`);
  // Only a plain reference (no braces) is written bare; a longer expression stays a quoted template, the form every
  // vendored module has shipped with.
  const whole = interpolation(s);
  if (whole !== undefined && !/[{}]/.test(whole) && !IAM_VARIABLE.test(whole)) return whole;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "$" && s[i + 1] === "{") {
      if (IAM_VARIABLE.test(s.slice(i + 2))) {
        out += "$${";
        i++;
        continue;
      }
      const end = closingBrace(s, i + 1);
      out += s.slice(i, end + 1);
      i = end;
    } else if (c === "%" && s[i + 1] === "{") {
      out += "%%{";
      i++;
    } else out += c === "\\" ? "\\\\" : c === '"' ? '\\"' : c === "\n" ? "\\n" : c;
  }
  return `"${out}"`;
}

function key(k: string): string {
  const rendered = hclString(k);
  return rendered.includes("${") ? `(${rendered})` : rendered;
}

function render(v: unknown): string {
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return list(v);
  if (isExpr(v)) return toHcl(v);
  if (isMerge(v)) return mergeCondition(v);
  if (isOptional(v) || isOptionalInput(v)) throw new Error("an optional part is only allowed in a list or a condition");
  if (isForEach(v)) return `[for ${v.bind} in ${toHcl(v.over)} : ${hclString(v.value)}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    // Spacing as `terraform fmt` writes object constructors, so HCL output of modules is fmt-clean.
    return entries.length ? `{ ${entries.map(([k, x]) => `${key(k)} = ${render(x)}`).join(", ")} }` : "{}";
  }
  throw new Error(`cannot render ${String(v)} in a policy`);
}

/** A list whose optional runs are included by Terraform: `concat([...], [for s in [...] : s if test], ...)`. */
function list(items: readonly unknown[]): string {
  const groups: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) groups.push(`[${run.join(", ")}]`);
    run = [];
  };
  for (const item of items) {
    if (isOptional(item) && typeof item.test === "boolean") {
      if (item.test) run.push(...(item.value as unknown[]).map(render));
    } else if (isOptional(item)) {
      flush();
      groups.push(`[for s in [${(item.value as unknown[]).map(render).join(", ")}] : s if ${toHcl(item.test)}]`);
    } else if (isOptionalInput(item)) {
      // Terraform evaluates a for expression's `if` before its value, so the bound input is never read when null.
      flush();
      groups.push(`flatten([for ${item.bind} in [${toHcl(item.input)}] : [${(item.value as unknown[]).map(render).join(", ")}] if ${item.bind} != null])`);
    } else run.push(render(item));
  }
  flush();
  if (groups.length === 0) return "[]";
  return groups.length === 1 ? groups[0] : `concat(${groups.join(", ")})`;
}

type Part = ConditionBlock | Optional<ConditionBlock> | OptionalInput<ConditionBlock>;

/**
 * A condition block merged per operator. Parts decided here are folded in; parts Terraform decides become
 * `merge([for x in [input] : {...} if x != null]...)`, which adds nothing when the test fails (an object
 * conditional `c ? {..} : {}` would not type-check in Terraform).
 */
function mergeCondition(m: Merge): string {
  const fixed: ConditionBlock = {};
  const planTimeParts: Part[] = [];
  for (const part of m.parts) {
    if (isOptional(part) && typeof part.test === "boolean") {
      if (part.test) foldInto(fixed, part.value as ConditionBlock);
    } else if (isOptional(part) || isOptionalInput(part)) planTimeParts.push(part);
    else foldInto(fixed, part as ConditionBlock);
  }
  const extra = (op: string): string[] =>
    planTimeParts.flatMap((p) => {
      const value = (p as Optional<ConditionBlock>).value[op];
      return value ? [planTimeObject(p, value)] : [];
    });
  const operators = Object.entries(fixed).map(([op, entries]) => {
    const more = extra(op);
    return `${key(op)} = ${more.length ? `merge(${render(entries)}, ${more.join(", ")})` : render(entries)}`;
  });
  const newOps = planTimeParts.flatMap((p) =>
    Object.entries((p as Optional<ConditionBlock>).value)
      .filter(([op]) => !(op in fixed))
      .map(([op, entries]) => planTimeObject(p, { [op]: entries })),
  );
  const base = operators.length ? `{ ${operators.join(", ")} }` : "{}";
  return newOps.length ? `merge(${base}, ${newOps.join(", ")})` : base;
}

function planTimeObject(part: Part, value: unknown): string {
  if (isOptionalInput(part)) {
    return `merge([for ${part.bind} in [${toHcl(part.input)}] : ${render(value)} if ${part.bind} != null]...)`;
  }
  return `merge([for c in [${render(value)}] : c if ${toHcl((part as Optional<unknown>).test)}]...)`;
}

function foldInto(target: ConditionBlock, block: ConditionBlock): void {
  for (const [op, entries] of Object.entries(block)) target[op] = { ...target[op], ...entries };
}
