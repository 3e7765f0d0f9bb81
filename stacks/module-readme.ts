import { readFileSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { SizeReport } from "../policies/limits";
import { projectRoot } from "./project-root";
import { PROVIDER_VERSION_RANGE, TERRAFORM_VERSION_RANGE, type ModuleFiles } from "./to-module";

/** What a module's README says that cannot be read off its files. */
export interface ModuleDoc {
  readonly title: string;
  readonly purpose: string;
  /** Example arguments for the usage snippet (required inputs at least). */
  readonly example: Record<string, unknown>;
  /** Policy sizes at the example values. */
  readonly policies?: readonly SizeReport[];
  /** The access contract in plain sentences: who may do what on which prefix. */
  readonly access?: readonly string[];
  readonly notes?: readonly string[];
}

type Json = Record<string, Record<string, Record<string, any>>>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A value as HCL; strings that are references (`module.x.y`, `var.x`) stay bare. */
function hcl(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return /^(module|var|local)\.[a-z0-9_.]+$/.test(v) ? v : JSON.stringify(v);
  if (v === null) return "null";
  return JSON.stringify(v).replace(/"([a-z_]+)":/g, (_, k: string) => `${k} = `).replace(/,/g, ", ");
}

let template: HandlebarsTemplateDelegate | undefined;
function compiled(): HandlebarsTemplateDelegate {
  if (!template) {
    const hb = Handlebars.create();
    hb.registerHelper("pad", (s: string, width: number) => s.padEnd(width));
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
  const usage = Object.entries(doc.example).map(([n, value]) => ({ name: n, value: hcl(value) }));
  return compiled()({
    ...doc,
    name,
    moduleLabel: name.replace(/-/g, "_"),
    usage,
    usageWidth: Math.max(...usage.map((u) => u.name.length)),
    terraformVersion: TERRAFORM_VERSION_RANGE,
    providerVersion: PROVIDER_VERSION_RANGE,
    inputs,
    outputs: Object.entries(outputs).map(([n, o]) => ({ name: n, description: String(o.description ?? "") })),
    resources: Object.entries(resources).flatMap(([type, byName]) =>
      Object.entries(byName).map(([n, r]) => ({
        address: `${type}.${n}`,
        when: typeof r.count === "string" ? `when \`${r.count.replace(/^\$\{|\s*\?\s*1\s*:\s*0\}$/g, "")}\`` : "always",
      })),
    ),
    policies: (doc.policies ?? []).map((p) => ({ ...p, percent: ((100 * p.size) / p.limit).toFixed(1) })),
    access: doc.access ?? [],
    notes: doc.notes ?? [],
  });
}
