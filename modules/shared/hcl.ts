import {
  isDeferred,
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
  type Test,
  resolveDocument,
} from "./document";

/**
 * Renders a policy document as the Terraform expression `${jsonencode(...)}`, so that `terraform plan` shows the
 * policy as a structured document, fully known when its inputs are.
 *
 * Strings may carry Terraform interpolations (`${var.bucket_name}`), which are kept, and IAM policy variables
 * (`${aws:PrincipalAccount}`), which are escaped to `$${...}` so Terraform passes them to AWS verbatim.
 */
export function renderPolicy(doc: PolicyDocument): string {
  if (isLiteral(doc)) return escapeTemplate(JSON.stringify(resolveDocument(doc)));
  return `\${jsonencode(${expr(doc)})}`;
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
  const whole = /^\$\{([^{}]*)\}$/.exec(s);
  if (whole && !IAM_VARIABLE.test(whole[1])) return whole[1];
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "$" && s[i + 1] === "{") {
      if (IAM_VARIABLE.test(s.slice(i + 2))) {
        out += "$${";
        i++;
        continue;
      }
      const end = matchingBrace(s, i + 1);
      out += s.slice(i, end + 1);
      i = end;
    } else if (c === "%" && s[i + 1] === "{") {
      out += "%%{";
      i++;
    } else out += c === "\\" ? "\\\\" : c === '"' ? '\\"' : c === "\n" ? "\\n" : c;
  }
  return `"${out}"`;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  throw new Error(`unbalanced interpolation in: ${s}`);
}

function key(k: string): string {
  const rendered = hclString(k);
  return rendered.includes("${") ? `(${rendered})` : rendered;
}

function test(t: Test): string {
  return isDeferred(t) ? t.deferred : String(t);
}

function expr(v: unknown): string {
  if (typeof v === "string") return hclString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return list(v);
  if (isMerge(v)) return mergeCondition(v);
  if (isOptional(v) || isOptionalInput(v)) throw new Error("an optional part is only allowed in a list or a condition");
  if (isDeferred(v)) return v.deferred;
  if (isForEach(v)) return `[for ${v.bind} in ${v.over.deferred} : ${hclString(v.value)}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    // Spacing as `terraform fmt` writes object constructors, so HCL output of modules is fmt-clean.
    return entries.length ? `{ ${entries.map(([k, x]) => `${key(k)} = ${expr(x)}`).join(", ")} }` : "{}";
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
      if (item.test) run.push(...(item.value as unknown[]).map(expr));
    } else if (isOptional(item)) {
      flush();
      groups.push(`[for s in [${(item.value as unknown[]).map(expr).join(", ")}] : s if ${test(item.test)}]`);
    } else if (isOptionalInput(item)) {
      // Terraform evaluates a for expression's `if` before its value, so the bound input is never read when null.
      flush();
      const input = isDeferred(item.input) ? item.input.deferred : expr(item.input);
      groups.push(`flatten([for ${item.bind} in [${input}] : [${(item.value as unknown[]).map(expr).join(", ")}] if ${item.bind} != null])`);
    } else run.push(expr(item));
  }
  flush();
  if (groups.length === 0) return "[]";
  return groups.length === 1 ? groups[0] : `concat(${groups.join(", ")})`;
}

type Part = ConditionBlock | Optional<ConditionBlock> | OptionalInput<ConditionBlock>;

/**
 * A condition block merged per operator. Parts decided here are folded in; deferred parts become
 * `merge([for x in [input] : {...} if x != null]...)`, which adds nothing when the test fails (an object
 * conditional `c ? {..} : {}` would not type-check in Terraform).
 */
function mergeCondition(m: Merge): string {
  const fixed: ConditionBlock = {};
  const deferredParts: Part[] = [];
  for (const part of m.parts) {
    if (isOptional(part) && typeof part.test === "boolean") {
      if (part.test) foldInto(fixed, part.value as ConditionBlock);
    } else if (isOptional(part) || isOptionalInput(part)) deferredParts.push(part);
    else foldInto(fixed, part as ConditionBlock);
  }
  const extra = (op: string): string[] =>
    deferredParts.flatMap((p) => {
      const value = (p as Optional<ConditionBlock>).value[op];
      return value ? [deferredObject(p, value)] : [];
    });
  const operators = Object.entries(fixed).map(([op, entries]) => {
    const more = extra(op);
    return `${key(op)} = ${more.length ? `merge(${expr(entries)}, ${more.join(", ")})` : expr(entries)}`;
  });
  const newOps = deferredParts.flatMap((p) =>
    Object.entries((p as Optional<ConditionBlock>).value)
      .filter(([op]) => !(op in fixed))
      .map(([op, entries]) => deferredObject(p, { [op]: entries })),
  );
  const base = operators.length ? `{ ${operators.join(", ")} }` : "{}";
  return newOps.length ? `merge(${base}, ${newOps.join(", ")})` : base;
}

function deferredObject(part: Part, value: unknown): string {
  if (isOptionalInput(part)) {
    const input = isDeferred(part.input) ? part.input.deferred : expr(part.input);
    return `merge([for ${part.bind} in [${input}] : ${expr(value)} if ${part.bind} != null]...)`;
  }
  return `merge([for c in [${expr(value)}] : c if ${test((part as Optional<unknown>).test)}]...)`;
}

function foldInto(target: ConditionBlock, block: ConditionBlock): void {
  for (const [op, entries] of Object.entries(block)) target[op] = { ...target[op], ...entries };
}
