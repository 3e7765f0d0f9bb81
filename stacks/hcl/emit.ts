import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root";
import { interpolation, quoteTemplate } from "../../modules/shared/value";

/**
 * Terraform JSON → HCL native syntax, formatted as `terraform fmt` formats it.
 *
 * cdktf's own HCL output (0.21.0) drops falsy variable defaults and `nullable = false`, mangles
 * `required_version`, and is not fmt-clean, so orgtrail writes HCL itself. JSON does not say which keys are nested
 * blocks; the AWS provider schema does (`block-schema.json`, refreshed by scripts/extract-block-schema.sh).
 */

type Blocks = { [name: string]: Blocks };
interface BlockSchema {
  readonly provider: Blocks;
  readonly resource: Record<string, Blocks>;
  readonly data: Record<string, Blocks>;
}

let schema: BlockSchema | undefined;
const blockSchema = (): BlockSchema =>
  (schema ??= JSON.parse(readFileSync(join(projectRoot(), "stacks", "hcl", "block-schema.json"), "utf8")) as BlockSchema);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

const META_BLOCKS: Blocks = { lifecycle: { precondition: {}, postcondition: {} } };

/** One Terraform JSON document as HCL. */
export function toHcl(doc: Obj): string {
  const out: string[] = [];
  const add = (lines: string[]) => {
    if (out.length) out.push("");
    out.push(...lines);
  };
  for (const [kind, value] of Object.entries(doc)) {
    const v = value as Obj;
    switch (kind) {
      case "terraform":
        add(block(["terraform"], v, { required_providers: {}, backend: {}, cloud: {} }, 0, { labelled: ["backend"] }));
        break;
      case "variable":
        for (const [name, body] of Object.entries(v)) add(block(["variable", q(name)], body as Obj, { validation: {} }, 0, { expressions: ["type"] }));
        break;
      case "output":
        for (const [name, body] of Object.entries(v)) add(block(["output", q(name)], body as Obj, { precondition: {} }, 0, { references: ["depends_on"] }));
        break;
      case "locals":
        add(block(["locals"], v, {}, 0));
        break;
      case "provider":
        for (const [name, configs] of Object.entries(v)) for (const c of configs as Obj[]) add(block(["provider", q(name)], c, blockSchema().provider, 0));
        break;
      case "resource":
      case "data":
        for (const [type, byName] of Object.entries(v)) {
          const known = (kind === "resource" ? blockSchema().resource : blockSchema().data)[type];
          if (!known) throw new Error(`no block schema for ${kind} ${type}: run scripts/extract-block-schema.sh`);
          for (const [name, body] of Object.entries(byName as Obj)) {
            add(block([kind, q(type), q(name)], body as Obj, { ...known, ...META_BLOCKS }, 0, { references: ["depends_on", "provider"] }));
          }
        }
        break;
      case "module":
        for (const [name, body] of Object.entries(v)) add(block(["module", q(name)], body as Obj, {}, 0, { references: ["depends_on"] }));
        break;
      case "moved":
        for (const m of v as unknown as Obj[]) add(block(["moved"], m, {}, 0, { references: ["from", "to"] }));
        break;
      default:
        throw new Error(`HCL output does not support top-level "${kind}"`);
    }
  }
  return out.join("\n") + "\n";
}

interface BodyOptions {
  /** Attributes written as bare expressions although JSON holds them as plain strings (`type = string`). */
  readonly expressions?: string[];
  /** Attributes holding bare references (`depends_on = [aws_x.y]`, `provider = aws.alias`). */
  readonly references?: string[];
  /** Blocks whose single key is a label (`backend "local" { … }`). */
  readonly labelled?: string[];
}

function block(header: string[], body: Obj, blocks: Blocks, depth: number, opts: BodyOptions = {}): string[] {
  const indent = "  ".repeat(depth);
  const lines = [`${indent}${header.join(" ")} {`, ...bodyLines(body, blocks, depth + 1, opts), `${indent}}`];
  return lines;
}

function bodyLines(body: Obj, blocks: Blocks, depth: number, opts: BodyOptions): string[] {
  const indent = "  ".repeat(depth);
  const attributes: [string, string][] = [];
  const nested: string[][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if ((key in blocks || key === "dynamic") && value !== null && typeof value === "object") {
      if (opts.labelled?.includes(key)) {
        for (const [label, inner] of Object.entries(value as Obj)) nested.push(block([key, q(label)], inner as Obj, {}, depth));
      } else if (key === "dynamic") {
        for (const [label, inner] of Object.entries(value as Obj)) nested.push(dynamicBlock(label, inner as Obj, blocks, depth));
      } else {
        for (const item of Array.isArray(value) ? value : [value]) {
          nested.push(block([key], item as Obj, blocks[key], depth));
        }
      }
      continue;
    }
    let rendered: string;
    if (opts.expressions?.includes(key) && typeof value === "string") rendered = unwrapped(value);
    else if (opts.references?.includes(key)) rendered = Array.isArray(value) ? `[${value.map((r) => unwrapped(String(r))).join(", ")}]` : unwrapped(String(value));
    else rendered = expr(value);
    attributes.push([key, rendered]);
  }
  const width = Math.max(0, ...attributes.map(([k]) => identifier(k).length));
  const lines = attributes.map(([k, v]) => `${indent}${identifier(k).padEnd(width)} = ${v}`);
  for (const n of nested) {
    if (lines.length) lines.push("");
    lines.push(...n);
  }
  return lines;
}

/** `dynamic "name" { for_each = …, content { … } }`: the JSON form keys it by the block name. */
function dynamicBlock(name: string, body: Obj, parent: Blocks, depth: number): string[] {
  const { content, ...rest } = body;
  const indent = "  ".repeat(depth);
  const inner = "  ".repeat(depth + 1);
  const attrs = Object.entries(rest).map(([k, v]) => [k, expr(v)] as const);
  const width = Math.max(...attrs.map(([k]) => k.length));
  return [
    `${indent}dynamic ${q(name)} {`,
    ...attrs.map(([k, v]) => `${inner}${k.padEnd(width)} = ${v}`),
    "",
    ...block(["content"], content as Obj, parent[name] ?? {}, depth + 1),
    `${indent}}`,
  ];
}

const q = (s: string): string => JSON.stringify(s);
const identifier = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : q(k));

/** `${expr}` → `expr`; anything else is written as it is. */
const unwrapped = (s: string): string => interpolation(s) ?? s;

function expr(v: Json): string {
  if (v === null) return "null";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  if (typeof v === "string") return interpolation(v) ?? quoteTemplate(v);
  if (Array.isArray(v)) return `[${v.map(expr).join(", ")}]`;
  const entries = Object.entries(v);
  if (entries.length === 0) return "{}";
  return `{ ${entries.map(([k, x]) => `${identifier(k)} = ${expr(x)}`).join(", ")} }`;
}
