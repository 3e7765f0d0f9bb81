/**
 * A small evaluator for the CloudWatch Logs JSON filter-pattern grammar the CIS patterns use (Amazon CloudWatch Logs
 * User Guide, "Filter pattern syntax for metric filters", "Using filter patterns to match terms in JSON log events"):
 *
 *   pattern    := "{" or "}"
 *   or         := and ("||" and)*
 *   and        := primary ("&&" primary)*
 *   primary    := "(" or ")" | selector op value | selector "NOT EXISTS" | selector "IS NULL"
 *   selector   := "$" ("." name | "[" digits "]")*
 *   op         := "=" | "!="
 *   value      := a quoted string or a bare word; "*" is a wildcard anywhere in it
 *
 * Semantics: `=`/`!=` compare text (a wildcard matches any run of characters); a selector that names no property
 * matches no comparison (for `!=` an assumption the test events never lean on), and `NOT EXISTS` is true exactly
 * then. Anything else (numeric comparisons, IS TRUE, regular expressions) is refused, so a pattern that leaves this grammar fails
 * the tests instead of passing unread. It is a test oracle, not a product feature: CloudWatch Logs evaluates the
 * patterns that orgtrail deploys.
 */
type Node =
  | { kind: "or" | "and"; parts: Node[] }
  | { kind: "compare"; path: (string | number)[]; op: "=" | "!="; value: string }
  | { kind: "notExists" | "isNull"; path: (string | number)[] };

export type Matcher = (event: unknown) => boolean;

export function compileFilterPattern(pattern: string): Matcher {
  const p = new Parser(pattern);
  p.skip();
  p.expect("{");
  const tree = p.or();
  p.expect("}");
  p.skip();
  if (!p.done()) p.fail("text after the closing brace");
  return (event) => evaluate(tree, event);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  done = () => this.i >= this.s.length;
  skip(): void {
    while (!this.done() && /\s/.test(this.s[this.i])) this.i++;
  }
  fail(what: string): never {
    throw new Error(`filter pattern: ${what} at ${this.i}: ${this.s.slice(0, this.i)}⟨here⟩${this.s.slice(this.i)}`);
  }
  private peek(t: string): boolean {
    this.skip();
    return this.s.startsWith(t, this.i);
  }
  private eat(t: string): boolean {
    if (!this.peek(t)) return false;
    this.i += t.length;
    return true;
  }
  expect(t: string): void {
    if (!this.eat(t)) this.fail(`expected ${t}`);
  }

  or(): Node {
    const parts = [this.and()];
    while (this.eat("||")) parts.push(this.and());
    return parts.length === 1 ? parts[0] : { kind: "or", parts };
  }

  private and(): Node {
    const parts = [this.primary()];
    while (this.eat("&&")) parts.push(this.primary());
    return parts.length === 1 ? parts[0] : { kind: "and", parts };
  }

  private primary(): Node {
    if (this.eat("(")) {
      const inner = this.or();
      this.expect(")");
      return inner;
    }
    const path = this.selector();
    if (this.eat("NOT EXISTS")) return { kind: "notExists", path };
    if (this.eat("IS NULL")) return { kind: "isNull", path };
    const op = this.eat("!=") ? "!=" : this.eat("=") ? "=" : this.fail("expected =, !=, NOT EXISTS or IS NULL");
    return { kind: "compare", path, op, value: this.value() };
  }

  private selector(): (string | number)[] {
    this.expect("$");
    const path: (string | number)[] = [];
    for (;;) {
      if (this.s[this.i] === ".") {
        const m = /^\.([A-Za-z_][\w-]*)/.exec(this.s.slice(this.i)) ?? this.fail("expected a property name");
        path.push(m[1]);
        this.i += m[0].length;
      } else if (this.s[this.i] === "[") {
        const m = /^\[(\d+)\]/.exec(this.s.slice(this.i)) ?? this.fail("expected an array index");
        path.push(Number(m[1]));
        this.i += m[0].length;
      } else break;
    }
    if (!path.length) this.fail("expected a property after $");
    return path;
  }

  private value(): string {
    this.skip();
    if (this.s[this.i] === '"') {
      const end = this.s.indexOf('"', this.i + 1);
      if (end < 0) this.fail("unterminated string");
      const v = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return v;
    }
    const m = /^[^\s()&|{}"]+/.exec(this.s.slice(this.i)) ?? this.fail("expected a value");
    this.i += m[0].length;
    return m[0];
  }
}

const MISSING = Symbol("missing");

function lookup(event: unknown, path: (string | number)[]): unknown {
  let v: unknown = event;
  for (const k of path) {
    if (v === null || typeof v !== "object" || !(k in (v as object))) return MISSING;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

const wildcard = (pattern: string): RegExp => new RegExp(`^${pattern.split("*").map((x) => x.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "s");

function evaluate(n: Node, event: unknown): boolean {
  switch (n.kind) {
    case "or":
      return n.parts.some((p) => evaluate(p, event));
    case "and":
      return n.parts.every((p) => evaluate(p, event));
    case "notExists":
      return lookup(event, n.path) === MISSING;
    case "isNull":
      return lookup(event, n.path) === null;
    case "compare": {
      const v = lookup(event, n.path);
      if (v === MISSING || v === null || typeof v === "object") return false;
      const equal = wildcard(n.value).test(String(v));
      return n.op === "=" ? equal : !equal;
    }
  }
}
