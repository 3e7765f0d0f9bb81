import { allowDestroy } from "./moto";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/schema";
import { policiesOf } from "../../stacks/policy-sizes";
import { LOG_ARCHIVE_VARIABLES } from "../../modules/log-archive/module";
import { argumentsOf } from "../../modules/shared/variables";
import { initAndPlan, mustTerraform, workdir, writeOfflineProviders, type Plan } from "./terraform";
import { synthTo } from "./synth";

/** Plans the deploy stack of a config offline. */
export function planDeployStack(c: Config): Plan {
  const out = synthTo(c);
  const dir = workdir("stack", join(out, "stacks", "org-cloudtrail"));
  const separate = (c.logArchive.accountId ?? c.organization.managementAccountId) !== c.organization.managementAccountId;
  writeOfflineProviders(dir, [undefined, ...(separate ? ["log_archive"] : []), ...(c.organization.delegatedAdminAccountId ? ["delegated_admin"] : [])]);
  // A remote backend is replaced by a local one: plans run offline (the S3 backend block is tested as synthesized).
  if (c.deployment.backend.type !== "local") writeFileSync(join(dir, "zz_offline_backend_override.tf.json"), JSON.stringify({ terraform: { backend: { local: {} } } }));
  return initAndPlan(dir);
}

/**
 * Copies the examples, vendors freshly synthesized modules over the committed ones (so the plan reflects the code
 * under test; the golden test catches drift separately), and plans one example root offline.
 */
export function planExample(example: string, c: Config, aliases: (string | undefined)[]): Plan {
  const out = synthTo(c);
  const examples = workdir("examples", join(__dirname, "..", "..", "examples"));
  vendorModules(out, examples);
  const dir = join(examples, example);
  writeOfflineProviders(dir, aliases);
  return initAndPlan(dir);
}

export function vendorModules(synthOut: string, root: string): void {
  for (const m of ["log-archive", "organization-trail"]) {
    mkdirSync(join(root, "vendor", "orgtrail"), { recursive: true });
    cpSync(join(synthOut, "modules", m), join(root, "vendor", "orgtrail", m), { recursive: true });
  }
}

/** The log-archive module's arguments equivalent to a config, read off the module's input table. */
export const logArchiveArguments = (c: Config): Record<string, unknown> => argumentsOf(LOG_ARCHIVE_VARIABLES, c);

/** A root that calls the synthesized log-archive module with a config's values, planned offline. */
export function planLogArchiveModule(c: Config): Plan {
  const out = synthTo(c);
  const dir = workdir("module-root");
  vendorModules(out, dir);
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({
      provider: { aws: [{ region: c.organization.homeRegion }] },
      module: { log_archive: { source: "./vendor/orgtrail/log-archive", ...logArchiveArguments(c) } },
    }),
  );
  writeOfflineProviders(dir, [undefined]);
  return initAndPlan(dir);
}

/** The attribute that holds each policy-carrying resource type's document. */
const POLICY_ATTRIBUTE: Record<string, string> = {
  aws_s3_bucket_policy: "policy",
  aws_kms_key: "policy",
  aws_iam_role: "assume_role_policy",
  aws_iam_role_policy: "policy",
  aws_sns_topic_policy: "policy",
};

/** Planned policy documents by resource address suffix, parsed as AWS would receive them. */
export function plannedPolicies(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of plan.resources) {
    const value = r.values[POLICY_ATTRIBUTE[r.type]];
    if (typeof value === "string") out[`${r.type}.${r.address.split(".").pop()!.replace(/\[0\]$/, "")}`] = JSON.parse(value);
  }
  return out;
}

/** What the builders say each policy must be, keyed like `plannedPolicies`. */
export function expectedPolicies(c: Config): Record<string, unknown> {
  const byName = Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document]));
  const out: Record<string, unknown> = { "aws_s3_bucket_policy.log_archive": byName["log archive bucket policy"] };
  if (byName["trail KMS key policy"]) out["aws_kms_key.cloudtrail"] = byName["trail KMS key policy"];
  if (byName["access-log bucket policy"]) out["aws_s3_bucket_policy.access_logs"] = byName["access-log bucket policy"];
  if (byName["CloudWatch Logs delivery role trust policy"]) out["aws_iam_role.cloudtrail_cloudwatch_logs"] = byName["CloudWatch Logs delivery role trust policy"];
  if (byName["CloudWatch Logs delivery role policy"]) out["aws_iam_role_policy.cloudtrail_cloudwatch_logs"] = byName["CloudWatch Logs delivery role policy"];
  if (byName["SNS topic policy"]) out["aws_sns_topic_policy.cloudtrail_notifications"] = byName["SNS topic policy"];
  return out;
}

/** Addresses whose policy Terraform could not compute at plan time. */
export function unknownPolicies(plan: Plan): string[] {
  return Object.entries(plan.unknown)
    .filter(([address, u]) => /aws_s3_bucket_policy|aws_kms_key\.|aws_iam_role|aws_sns_topic_policy/.test(address) && (u.policy === true || u.assume_role_policy === true))
    .map(([address]) => address);
}

/**
 * A genuine plan of a config change, offline: the deploy stack of `before` is planned, its planned values become
 * the state (with the IDs and ARNs AWS would have assigned), and the deploy stack of `after` is planned against
 * that state with `-refresh=false`. Terraform and the real provider decide every action (update, replace, delete),
 * as they would against the applied stack. Returns the `terraform show -json` text of the second plan.
 */
const states = new Map<string, Record<string, unknown>>();

export function planConfigChange(before: Config, after: Config, options: PlanOptions = {}): string {
  const key = JSON.stringify(before);
  const state = states.get(key) ?? stateFromPlan(planDeployStack(before).raw, before);
  states.set(key, state);
  return planAgainstState(after, state, options);
}

export interface PlanOptions {
  /**
   * Plan as a root without orgtrail's `prevent_destroy` (a hand-edited stack, another generator): Terraform refuses
   * a plan that replaces a protected bucket or key, so a test of what a reviewer sees in such a plan lifts it.
   */
  readonly unprotected?: boolean;
}

/**
 * The deploy stack of `after` planned offline against a state (`terraform state pull` output, or one made by
 * planConfigChange) with `-refresh=false`: what Terraform would do to that state. Returns `terraform show -json`.
 */
export function planAgainstState(after: Config, state: object, options: PlanOptions = {}): string {
  const out = synthTo(after);
  const dir = workdir("change", join(out, "stacks", "org-cloudtrail"));
  const separate = (after.logArchive.accountId ?? after.organization.managementAccountId) !== after.organization.managementAccountId;
  writeOfflineProviders(dir, [undefined, ...(separate ? ["log_archive"] : []), ...(after.organization.delegatedAdminAccountId ? ["delegated_admin"] : [])]);
  writeFileSync(join(dir, "zz_offline_backend_override.tf.json"), JSON.stringify({ terraform: { backend: { local: { path: "terraform.tfstate" } } } }));
  writeFileSync(join(dir, "terraform.tfstate"), JSON.stringify(state, null, 2));
  if (options.unprotected) allowDestroy(dir);
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  mustTerraform(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=tfplan"]);
  return mustTerraform(dir, ["show", "-json", "tfplan"]);
}

interface PlannedValue {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  schema_version: number;
  values: Record<string, unknown>;
}

/** A Terraform state (format 4) holding what the plan would have created, IDs and ARNs filled in as AWS would. */
function stateFromPlan(raw: Record<string, unknown>, c: Config): Record<string, unknown> {
  const planned = ((raw.planned_values as { root_module: { resources?: PlannedValue[] } }).root_module.resources ?? []).filter((r) => r.mode === "managed");
  const providers = new Map(
    ((raw.configuration as { root_module: { resources?: { address: string; provider_config_key: string }[] } }).root_module.resources ?? []).map((r) => [r.address, r.provider_config_key]),
  );
  const changes = new Map((raw.resource_changes as { address: string; change: { after_unknown?: Record<string, unknown> } }[]).map((r) => [r.address, r.change.after_unknown ?? {}]));
  const expressions = new Map(
    ((raw.configuration as { root_module: { resources?: { address: string; expressions?: Record<string, { references?: string[] }> }[] } }).root_module.resources ?? []).map((r) => [r.address, r.expressions ?? {}]),
  );
  const region = c.organization.homeRegion;
  // The account a resource is created in is its provider's: the default provider is the management account's.
  const accountOf = (r: PlannedValue): string => {
    const alias = providers.get(`${r.type}.${r.name}`)?.split(".")[1];
    if (alias === "log_archive") return c.logArchive.accountId ?? c.organization.managementAccountId;
    if (alias === "delegated_admin") return c.organization.delegatedAdminAccountId ?? c.organization.managementAccountId;
    return c.organization.managementAccountId;
  };
  const blocks = new Map<string, { mode: string; type: string; name: string; provider: string; instances: unknown[] }>();
  const attributes = new Map<string, Record<string, unknown>>(planned.map((r) => [r.address, { ...r.values, ...assigned(r, accountOf(r), region) }]));
  // What the first plan could not know (a reference to an ID or ARN) is what the referenced resource was assigned.
  for (const r of planned) {
    const own = attributes.get(r.address)!;
    for (const [name, unknown] of Object.entries(changes.get(r.address) ?? {})) {
      if (unknown !== true || own[name] !== undefined) continue;
      const ref = expressions.get(`${r.type}.${r.name}`)?.[name]?.references?.find((x) => /^aws_\w+\.\w+(\[[^\]]*\])?\.\w+$/.test(x));
      if (!ref) continue;
      const [, block, index, attribute] = /^(aws_\w+\.\w+)(\[[^\]]*\])?\.(\w+)$/.exec(ref)!;
      const key = index ? r.address.slice(`${r.type}.${r.name}`.length) : "";
      const target = attributes.get(`${block}${key}`);
      if (target?.[attribute] !== undefined) own[name] = target[attribute];
    }
  }
  // What no reference explains (a topic's ARN, a policy's ID) gets a value of the shape AWS assigns, so a later plan
  // that refers to it (a topic policy naming its topic) reads a state like the applied one, not a null.
  for (const r of planned) {
    const own = attributes.get(r.address)!;
    for (const [name, unknown] of Object.entries(changes.get(r.address) ?? {})) {
      if (unknown === true && own[name] === undefined && /(^|_)(arn|id)$/.test(name)) own[name] = name === "arn" ? arnOf(r, accountOf(r), region) : `offline-${name}-${r.address}`;
    }
  }
  for (const r of planned) {
    const block = `${r.type}.${r.name}`;
    const alias = providers.get(block)?.split(".")[1];
    const entry = blocks.get(block) ?? { mode: "managed", type: r.type, name: r.name, provider: `provider["${r.provider_name}"]${alias ? `.${alias}` : ""}`, instances: [] };
    blocks.set(block, entry);
    entry.instances.push({ ...(r.index === undefined ? {} : { index_key: r.index }), schema_version: r.schema_version, attributes: attributes.get(r.address), sensitive_attributes: [] });
  }
  return { version: 4, terraform_version: "1.11.4", serial: 1, lineage: "0b6c3e1e-offline-review-test", outputs: {}, resources: [...blocks.values()], check_results: null };
}

/** An ARN of the shape AWS gives the resource type (the service from the type name, the resource from its name). */
function arnOf(r: PlannedValue, account: string, region: string): string {
  const name = String(r.values.name ?? r.values.alarm_name ?? r.address);
  const [service, kind] = ARN_SHAPES[r.type] ?? [r.type.split("_")[1], `${r.type.split("_").slice(2).join("-")}/`];
  const global = service === "iam" || service === "organizations";
  return `arn:aws:${service}:${global ? "" : region}:${account}:${kind}${name}`;
}

const ARN_SHAPES: Readonly<Record<string, readonly [string, string]>> = {
  aws_sns_topic: ["sns", ""],
  aws_cloudwatch_log_group: ["logs", "log-group:"],
  aws_cloudwatch_metric_alarm: ["cloudwatch", "alarm:"],
  aws_iam_policy: ["iam", "policy/"],
  aws_athena_workgroup: ["athena", "workgroup/"],
  aws_glue_catalog_database: ["glue", "database/"],
  aws_organizations_policy: ["organizations", "policy/"],
};

/** What AWS assigns on create, for the attributes the generated Terraform refers to. */
function assigned(r: PlannedValue, account: string, region: string): Record<string, unknown> {
  const v = r.values;
  switch (r.type) {
    case "aws_s3_bucket":
      return { id: v.bucket, arn: `arn:aws:s3:::${String(v.bucket)}` };
    case "aws_kms_key": {
      const keyId = "0c0ffee0-0000-4000-8000-000000000001";
      return { id: keyId, key_id: keyId, arn: `arn:aws:kms:${region}:${account}:key/${keyId}` };
    }
    case "aws_iam_role":
      return { id: v.name, arn: `arn:aws:iam::${account}:role/${String(v.name)}`, unique_id: `AROAOFFLINE${String(v.name).length}` };
    case "aws_cloudtrail":
      return { id: v.name, arn: `arn:aws:cloudtrail:${region}:${account}:trail/${String(v.name)}` };
    default:
      return { id: `offline-${r.address}` };
  }
}
