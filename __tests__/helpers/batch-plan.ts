import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Config } from "../../config/schema";
import { buildModules } from "../../stacks/build-module";
import { logArchiveArguments } from "./plans";
import { deployStack } from "./synth";
import { mustTerraform, OFFLINE_PROVIDER, terraform, workdir, writeOfflineProviders, type PlannedResource } from "./terraform";

/**
 * Many roots in ONE `terraform init` + `plan` + `show -json` (a plan costs seconds; the suite must stay fast).
 * Every entry becomes a child module `module.<name>` of one root:
 *  - `stack`:   the deploy stack's JSON as synthesized, without its provider blocks and backend (the root passes
 *               one offline provider for both of its provider configurations); resources and policies untouched;
 *  - `module`:  the vendored log-archive module called with the config's arguments (plus `args` overrides);
 *  - `example`: an `examples/` root with the modules vendored in, as a user copies them (its own providers,
 *               made offline by an override file).
 */
export type BatchEntry =
  | { readonly name: string; readonly kind: "stack"; readonly config: Config }
  | { readonly name: string; readonly kind: "module"; readonly config: Config; readonly args?: Record<string, unknown> }
  | { readonly name: string; readonly kind: "example"; readonly example: string; readonly aliases: (string | undefined)[] };

export interface BatchPlan {
  /** Planned resources per entry, with addresses relative to the entry (`aws_s3_bucket_policy.log_archive`). */
  readonly resources: Record<string, PlannedResource[]>;
}

const EXAMPLES = join(__dirname, "..", "..", "examples");

function writeModules(root: string): string {
  const scratch = mkdtempSync(join(tmpdir(), "orgtrail-modules-"));
  const vendor = join(root, "vendor", "orgtrail");
  try {
    for (const m of buildModules(scratch)) {
      mkdirSync(join(vendor, m.name), { recursive: true });
      for (const [file, content] of Object.entries(m.files)) {
        mkdirSync(dirname(join(vendor, m.name, file)), { recursive: true });
        writeFileSync(join(vendor, m.name, file), content);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return vendor;
}

function stackAsChild(c: Config): Record<string, unknown> {
  const tf = deployStack(c) as unknown as Record<string, Record<string, unknown>>;
  delete tf.provider;
  const terraformBlock = { ...tf.terraform };
  delete terraformBlock.backend;
  const aliases = [...new Set([...JSON.stringify({ r: tf.resource, d: tf.data }).matchAll(/"aws\.([a-z_]+)"/g)].map((m) => `aws.${m[1]}`))].sort();
  const aws = terraformBlock.required_providers as Record<string, Record<string, unknown>>;
  terraformBlock.required_providers = { aws: { ...aws.aws, ...(aliases.length ? { configuration_aliases: aliases } : {}) } };
  return { ...tf, terraform: terraformBlock };
}

/** Writes the batch root; returns its folder. */
export function writeBatchRoot(entries: readonly BatchEntry[]): string {
  const root = workdir("batch");
  const vendor = writeModules(root);
  const modules: Record<string, Record<string, unknown>> = {};
  for (const e of entries) {
    if (e.kind === "stack") {
      const dir = join(root, e.name);
      mkdirSync(dir);
      const child = stackAsChild(e.config);
      writeFileSync(join(dir, "main.tf.json"), JSON.stringify(child));
      const aliases = ((child.terraform as { required_providers: { aws: { configuration_aliases?: string[] } } }).required_providers.aws.configuration_aliases ?? []) as string[];
      // One offline provider stands for every account's.
      modules[e.name] = { source: `./${e.name}`, providers: Object.fromEntries([["aws", "aws"], ...aliases.map((a) => [a, "aws"])]) };
    } else if (e.kind === "module") {
      modules[e.name] = { source: "./vendor/orgtrail/log-archive", ...logArchiveArguments(e.config), ...e.args };
    } else {
      const dir = join(root, e.name);
      cpSync(join(EXAMPLES, e.example), dir, { recursive: true });
      // Examples vendor the modules from ../vendor/orgtrail, which is `vendor` here.
      writeOfflineProviders(dir, e.aliases);
      modules[e.name] = { source: `./${e.name}` };
    }
  }
  writeFileSync(join(root, "main.tf.json"), JSON.stringify({ provider: { aws: [{ region: "us-east-1", ...OFFLINE_PROVIDER }] }, module: modules }));
  return root;
}

/** Plans every entry at once; throws with Terraform's output when the plan fails. */
export function planBatch(entries: readonly BatchEntry[]): BatchPlan {
  const root = writeBatchRoot(entries);
  mustTerraform(root, ["init", "-input=false", "-no-color", "-backend=false"]);
  mustTerraform(root, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=tfplan"]);
  const raw = JSON.parse(mustTerraform(root, ["show", "-json", "tfplan"])) as { planned_values: { root_module: ModuleJson } };
  const resources: Record<string, PlannedResource[]> = Object.fromEntries(entries.map((e) => [e.name, []]));
  const walk = (m: ModuleJson) => {
    for (const r of m.resources ?? []) {
      const [, entry, ...rest] = r.address.split(".");
      resources[entry]?.push({ address: rest.join("."), type: r.type, values: r.values });
    }
    for (const c of m.child_modules ?? []) walk(c);
  };
  walk(raw.planned_values.root_module);
  return { resources };
}

/** Plans entries expected to fail; returns the error diagnostics (summary and detail), throws if the plan succeeds. */
export function planBatchFailure(entries: readonly BatchEntry[]): { summary: string; detail: string }[] {
  const root = writeBatchRoot(entries);
  mustTerraform(root, ["init", "-input=false", "-no-color", "-backend=false"]);
  const r = terraform(root, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-json"]);
  if (r.status === 0) throw new Error("the plan was expected to fail and succeeded");
  return r.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { diagnostic?: { severity: string; summary: string; detail: string } })
    .flatMap((m) => (m.diagnostic?.severity === "error" ? [{ summary: m.diagnostic.summary, detail: m.diagnostic.detail }] : []));
}

interface ModuleJson {
  resources?: { address: string; type: string; values: Record<string, unknown> }[];
  child_modules?: ModuleJson[];
}

/** The attribute that holds a policy document, by resource type: every document kind orgtrail plans. */
export const POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: "policy",
  aws_kms_key: "policy",
  aws_iam_role: "assume_role_policy",
  aws_iam_role_policy: "policy",
  aws_iam_policy: "policy",
  aws_organizations_policy: "content",
  aws_sns_topic_policy: "policy",
};

/**
 * Policy documents of one entry as AWS will receive them, by `type.name` (nested module paths and a `[0]` count
 * index dropped; a for_each key kept: `aws_iam_role.member_reader["333333333333"]`).
 */
export function policiesOf(resources: readonly PlannedResource[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of resources) {
    const attribute = POLICY_ATTRIBUTES[r.type];
    if (attribute && typeof r.values[attribute] === "string") out[`${r.type}.${r.address.split(".").pop()!.replace(/\[0\]$/, "")}`] = JSON.parse(r.values[attribute] as string);
  }
  return out;
}

/** Each planned role's trust policy and inline policies, by role name. */
export function rolesOf(resources: readonly PlannedResource[]): Record<string, { trust?: Record<string, unknown>; inline: Record<string, unknown>[] }> {
  const out: Record<string, { trust?: Record<string, unknown>; inline: Record<string, unknown>[] }> = {};
  const of = (name: string) => (out[name] ??= { inline: [] });
  for (const r of resources) {
    if (r.type === "aws_iam_role") of(r.values.name as string).trust = JSON.parse(r.values.assume_role_policy as string);
    if (r.type === "aws_iam_role_policy") of(r.values.role as string).inline.push(JSON.parse(r.values.policy as string));
  }
  return out;
}

/** The planned values of one resource of an entry by `type.name`, or undefined. */
export function valuesOf(resources: readonly PlannedResource[], typeAndName: string): Record<string, unknown> | undefined {
  return resources.find((r) => `${r.type}.${r.address.split(".").pop()!.replace(/\[0\]$/, "")}` === typeAndName)?.values;
}
