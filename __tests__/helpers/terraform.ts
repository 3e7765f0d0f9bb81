import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { writeCliConfig } from "../../scripts/terraform-providers";

/** Terraform for the tests: hashicorp/aws from the local mirror, else from the registry (scripts/terraform-providers.ts). */
let cliConfig: string | undefined;
function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  cliConfig ??= writeCliConfig(mkdtempSync(join(tmpdir(), "orgtrail-tfrc-")));
  return { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", AWS_EC2_METADATA_DISABLED: "true", ...extra };
}

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `extraEnv` is merged over the environment (e.g. the apply tests keep proxies away from the emulator). */
export function terraform(dir: string, args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): Run {
  const r = spawnSync("terraform", [...args], { cwd: dir, env: env(extraEnv), encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** terraform without blocking the event loop, so that several roots can run side by side (the apply tests). */
export function terraformAsync(dir: string, args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn("terraform", args, { cwd: dir, env: env(extraEnv), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", (e) => resolve({ status: -1, stdout, stderr: `${stderr}${String(e)}` }));
    child.on("close", (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** Runs terraform and throws with its output when it fails. */
export function mustTerraform(dir: string, args: string[], input?: string, extraEnv?: NodeJS.ProcessEnv): string {
  const r = terraform(dir, args, input, extraEnv);
  if (r.status !== 0) throw new Error(`terraform ${args.join(" ")} failed in ${dir}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** Provider settings that let `plan` run without AWS: dummy credentials, no account lookups. */
export const OFFLINE_PROVIDER = {
  access_key: "AKIAOFFLINEPLAN00000",
  secret_key: "offline-plan-only",
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  // allowed_account_ids needs the account ID that offline plans do not look up.
  allowed_account_ids: null,
  // A named profile must exist in the shared config even when static credentials win.
  profile: null,
};

/** Writes an override file that makes every named provider configuration (`aws`, `aws.<alias>`) plan offline. */
export function writeOfflineProviders(dir: string, aliases: (string | undefined)[]): void {
  writeFileSync(
    join(dir, "zz_offline_override.tf.json"),
    JSON.stringify({ provider: { aws: aliases.map((alias) => (alias ? { alias, ...OFFLINE_PROVIDER } : OFFLINE_PROVIDER)) } }, null, 2),
  );
}

export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

export interface Plan {
  readonly resources: PlannedResource[];
  /** `after_unknown` per address: what Terraform cannot know before apply. */
  readonly unknown: Record<string, Record<string, unknown>>;
  readonly raw: Record<string, unknown>;
}

/**
 * init and plan in `dir`; returns the planned values from `terraform show -json`. `plan` validates the configuration
 * first, as `terraform validate` would (and fails on what it finds), so a separate validate only costs a provider start.
 */
export function initAndPlan(dir: string, planArgs: string[] = []): Plan {
  mustTerraform(dir, ["init", "-input=false", "-no-color"]);
  mustTerraform(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false", "-out=tfplan", ...planArgs]);
  const raw = JSON.parse(mustTerraform(dir, ["show", "-json", "tfplan"])) as Record<string, unknown>;
  return parsePlan(raw);
}

function parsePlan(raw: Record<string, unknown>): Plan {
  const resources: PlannedResource[] = [];
  const walk = (m: { resources?: PlannedResource[]; child_modules?: unknown[] } | undefined) => {
    if (!m) return;
    for (const r of m.resources ?? []) resources.push({ address: r.address, type: r.type, values: r.values });
    for (const c of m.child_modules ?? []) walk(c as typeof m);
  };
  walk((raw.planned_values as { root_module?: never }).root_module);
  const unknown: Plan["unknown"] = {};
  for (const c of (raw.resource_changes as { address: string; change: { after_unknown: Record<string, unknown> } }[]) ?? []) {
    unknown[c.address] = c.change.after_unknown ?? {};
  }
  return { resources, unknown, raw };
}

/** A fresh temporary folder holding a copy of `from` (a file tree), for terraform to work in. */
export function workdir(label: string, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), `orgtrail-${label}-`));
  if (from) cpSync(from, dir, { recursive: true });
  return dir;
}

export function copyInto(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { recursive: true });
}

export function terraformVersion(): string {
  return execFileSync("terraform", ["version"], { encoding: "utf8" }).split("\n")[0];
}

export const listDir = (d: string): string[] => readdirSync(d).sort();
