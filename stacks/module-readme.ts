import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { ModuleDoc } from "../modules/shared/module-doc";
import { toHcl } from "../modules/shared/value";
import { projectRoot } from "./project-root";

export type { ModuleDoc };
import { PROVIDER_VERSION_RANGE, TERRAFORM_VERSION_RANGE, type ModuleFiles } from "./to-module";

type Json = Record<string, Record<string, Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

const REFERENCE = /^(module|var|local)\.[a-z0-9_.]+$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A value as HCL on one line; strings that are references (`module.x.y`, `var.x`) stay bare. */
function hcl(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return REFERENCE.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(hcl).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    const entries = Object.entries(v);
    return entries.length ? `{ ${entries.map(([k, x]) => `${key(k)} = ${hcl(x)}`).join(", ")} }` : "{}";
  }
  return JSON.stringify(v);
}

const key = (k: string) => (IDENTIFIER.test(k) ? k : JSON.stringify(k));

/** `=` aligned over runs of one-line attributes, as `terraform fmt` aligns them (a multi-line value ends a run). */
function aligned(attrs: { name: string; value: string }[], indent: string): string[] {
  const lines: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    const width = Math.max(...run.map((a) => a.name.length));
    lines.push(...run.map((a) => `${indent}${a.name.padEnd(width)} = ${a.value}`));
    run = [];
  };
  for (const a of attrs) {
    if (!a.value.includes("\n")) run.push(a);
    else {
      if (run.length) flush();
      lines.push(`${indent}${a.name} = ${a.value}`);
    }
  }
  if (run.length) flush();
  return lines;
}

/** An example argument: a non-empty map on lines of its own (one entry a line), anything else on one line. */
function argument(v: unknown): string {
  if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.keys(v).length) return hcl(v);
  const entries = aligned(Object.entries(v).map(([k, x]) => ({ name: key(k), value: hcl(x) })), "    ");
  return `{\n${entries.join("\n")}\n  }`;
}

let template: HandlebarsTemplateDelegate | undefined;
function compiled(): HandlebarsTemplateDelegate {
  if (!template) {
    const hb = Handlebars.create();
    template = hb.compile(readFileSync(join(projectRoot(), "help", "module-readme.md.hbs"), "utf8"), { noEscape: true });
  }
  return template;
}

/** A module's README, every table derived from the module files themselves. */
export function renderModuleReadme(name: string, files: ModuleFiles, doc: ModuleDoc): string {
  const variables = (JSON.parse(files["variables.tf.json"]) as Json).variable ?? {};
  const outputs = (JSON.parse(files["outputs.tf.json"]) as Json).output ?? {};
  const resources = (JSON.parse(files["main.tf.json"]) as Json).resource ?? {};

  const inputs = Object.entries(variables).map(([n, v]) => ({
    name: n,
    type: String(v.type).replace(/\s+/g, " "),
    required: !("default" in v),
    default: hcl(v.default),
    description: String(v.description ?? ""),
    rules: ((v.validation as { error_message: string }[] | undefined) ?? [])
      .map((x) => x.error_message.replace(new RegExp(`^${n} must `), "").replace(/\.$/, ""))
      .join("; "),
  }));
  const head = aligned([{ name: "source", value: JSON.stringify(`./vendor/orgtrail/${name}`) }, ...(doc.provider ? [{ name: "providers", value: `{ aws = ${doc.provider} }` }] : [])], "  ");
  const usage = aligned(Object.entries(doc.example ?? {}).map(([n, value]) => ({ name: n, value: argument(value) })), "  ");
  return compiled()({
    ...doc,
    name,
    moduleLabel: name.replace(/-/g, "_"),
    usage: [...head, "", ...usage].join("\n"),
    terraformVersion: TERRAFORM_VERSION_RANGE,
    providerVersion: PROVIDER_VERSION_RANGE,
    inputs,
    outputs: Object.entries(outputs).map(([n, o]) => ({ name: n, description: String(o.description ?? "") })),
    resources: Object.entries(resources).flatMap(([type, byName]) =>
      Object.entries(byName).map(([n, r]) => ({
        address: `${type}.${n}`,
        when:
          typeof r.count === "string"
            ? `when \`${toHcl(r.count).replace(/\s*\?\s*1\s*:\s*0$/, "")}\``
            : typeof r.for_each === "string"
              ? `one per entry of \`${toHcl(r.for_each)}\``
              : "always",
      })),
    ),
    policies: (doc.policies ?? []).map((p) => ({ ...p, percent: ((100 * p.size) / p.limit).toFixed(1) })),
    policyGrowth: doc.policyGrowth ?? "They do not grow with the number of member accounts.",
    access: doc.access ?? [],
    notes: doc.notes ?? [],
  });
}
