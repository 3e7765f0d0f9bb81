import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { terraformAsync } from "./terraform";

/**
 * Applied end-to-end tests against moto 5.2.1, the AWS API emulator (design.md §6), on 127.0.0.1 only. `useMoto()`
 * gives the test file emulators and stops them in afterAll; each Terraform root gets its own (the roots run side by
 * side: most of a root's time is the provider waiting). Per root: `createOrganization()`,
 * `writeEmulatorProviders()` (an override file: the root itself stays untouched), then `applyPlanDestroy()`.
 */

const INSTALL_HINT = 'install it with: pip install "moto[server]==5.2.1"';
/** Starts moto's server after two runtime patches of its CloudTrail backend (read the script for why). */
const LAUNCHER = join(__dirname, "moto_launcher.py");
/** moto's default account: requests that name no other account land in it; it creates the organization. */
const MANAGEMENT_ACCOUNT_ID = "123456789012";
/** Every service the generated Terraform calls (`logs` is CloudWatch Logs). */
const EMULATED_SERVICES = ["s3", "kms", "cloudtrail", "iam", "organizations", "logs", "sns", "sts", "cloudwatch"];
/** Requests to the emulator must never go through a proxy. */
const NO_PROXY = { NO_PROXY: "127.0.0.1", no_proxy: "127.0.0.1" };

// ---------------------------------------------------------------------------------------------------------------
// Finding a python that has moto. `moto_server` is a console script: its shebang names the interpreter, unless it
// is a pyenv shim (a bash script; then `pyenv which` names the real script). CI may run without pyenv's shims on
// PATH, so ~/.pyenv/shims is tried as well.

function motoServers(): string[] {
  const pyenvRoot = process.env.PYENV_ROOT ?? join(homedir(), ".pyenv");
  const dirs = [...(process.env.PATH ?? "").split(delimiter), join(pyenvRoot, "shims")].filter(Boolean);
  return [...new Set(dirs.map((d) => join(d, "moto_server")))].filter((f) => existsSync(f));
}

function shebangPython(script: string): string | undefined {
  const m = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(readFileSync(script, "utf8").split("\n", 1)[0]);
  const program = m && (m[1].endsWith("/env") ? m[2] : m[1]);
  return program && /python/.test(program) ? program : undefined;
}

function pythonCandidates(script: string): string[] {
  const out = [shebangPython(script)];
  if (/pyenv/.test(readFileSync(script, "utf8").slice(0, 2000))) {
    const pyenv = join(dirname(dirname(script)), "bin", "pyenv");
    const real = spawnSync(existsSync(pyenv) ? pyenv : "pyenv", ["which", "moto_server"], { encoding: "utf8" }).stdout?.trim();
    if (real && existsSync(real)) out.push(shebangPython(real));
  }
  out.push(join(dirname(script), "python3"));
  return out.filter((p): p is string => !!p);
}

/** The python to run the launcher with; throws naming moto_server and how to install it. */
export function findMotoPython(): string {
  const servers = motoServers();
  if (servers.length === 0) {
    throw new Error(`moto_server not found (on PATH or in ~/.pyenv/shims): the apply tests need the AWS API emulator moto 5.2.1; ${INSTALL_HINT}`);
  }
  for (const python of servers.flatMap(pythonCandidates)) {
    if (spawnSync(python, ["-c", "import moto.server, moto.cloudtrail.models"], { stdio: "ignore" }).status === 0) return python;
  }
  throw new Error(`moto_server found (${servers.join(", ")}) but no python interpreter behind it imports moto.server; ${INSTALL_HINT}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The emulator process.

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface AccessKey {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export class Moto {
  private readonly keys = new Map<string, AccessKey>();

  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {}

  static async start(): Promise<Moto> {
    const python = findMotoPython();
    const port = await freePort();
    const logFile = join(mkdtempSync(join(tmpdir(), "orgtrail-moto-")), "moto.log");
    // The log goes to a file, not a pipe: nothing reads it until a failure message needs its end.
    const log = openSync(logFile, "a");
    // MOTO_ACCOUNT_ID would pin every request to one account and defeat the per-account access keys.
    const { MOTO_ACCOUNT_ID: _pinned, ...env } = process.env;
    const child = spawn(python, [LAUNCHER, "-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", log, log], env: { ...env, ...NO_PROXY } });
    closeSync(log);
    const moto = new Moto(`http://127.0.0.1:${port}`, child, logFile);
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`moto_server (${python} ${LAUNCHER}) exited with ${child.exitCode}:\n${moto.logTail()}`);
      try {
        if ((await fetch(`${moto.url}/moto-api/`)).ok) return moto;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await moto.stop();
        throw new Error(`moto_server did not answer on ${moto.url} within 30 s:\n${moto.logTail()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }

  /** The end of the emulator's request log, for failure messages. */
  logTail(lines = 40): string {
    return readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
  }

  /**
   * Forgets every resource of every account, for running roots one after another on one emulator (deleting is not
   * enough: bucket tags, for one, survive DeleteBucket in moto).
   */
  async reset(): Promise<void> {
    const r = await fetch(`${this.url}/moto-api/reset`, { method: "POST" });
    if (!r.ok) throw new Error(`moto reset: HTTP ${r.status}`);
    this.keys.clear();
  }

  /** One AWS API call. moto checks no signature: the header only names the service (and the caller's key). */
  private async call(service: string, account: string, init: { target?: string; body: string; contentType: string }): Promise<string> {
    const r = await fetch(`${this.url}/`, {
      method: "POST",
      headers: {
        "Content-Type": init.contentType,
        Authorization: `AWS4-HMAC-SHA256 Credential=AKIAORGTRAILTESTSETUP/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
        "x-moto-account-id": account,
        ...(init.target ? { "X-Amz-Target": init.target } : {}),
      },
      body: init.body,
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`moto ${service} ${init.target ?? init.body.slice(0, 60)} in ${account}: HTTP ${r.status}\n${text}`);
    return text;
  }

  private async organizations(action: string, body: Record<string, unknown>): Promise<Record<string, any>> {
    const text = await this.call("organizations", MANAGEMENT_ACCOUNT_ID, { target: `AWSOrganizationsV20161128.${action}`, body: JSON.stringify(body), contentType: "application/x-amz-json-1.1" });
    return JSON.parse(text) as Record<string, any>;
  }

  /**
   * The organization (all features, SCPs enabled on the root) with one member account per name. Returns the IDs
   * the emulator chose, to synthesize with.
   */
  async createOrganization(memberNames: string[]): Promise<EmulatedOrganization> {
    const org = (await this.organizations("CreateOrganization", { FeatureSet: "ALL" })).Organization;
    const rootId = (await this.organizations("ListRoots", {})).Roots[0].Id as string;
    await this.organizations("EnablePolicyType", { RootId: rootId, PolicyType: "SERVICE_CONTROL_POLICY" });
    const members: Record<string, string> = {};
    for (const name of memberNames) {
      const status = (await this.organizations("CreateAccount", { AccountName: name, Email: `${name}@example.com` })).CreateAccountStatus;
      if (status.State !== "SUCCEEDED") throw new Error(`moto CreateAccount ${name}: ${JSON.stringify(status)}`);
      members[name] = status.AccountId as string;
    }
    return { id: org.Id, rootId, managementAccountId: org.MasterAccountId, members };
  }

  /**
   * An access key of an IAM user in `accountId` (created through the emulator once per account): moto maps the key
   * to that account, so `sts:GetCallerIdentity` answers with it and providers keep their `allowed_account_ids`.
   */
  async accessKey(accountId: string): Promise<AccessKey> {
    const known = this.keys.get(accountId);
    if (known) return known;
    const iam = (params: Record<string, string>) =>
      this.call("iam", accountId, { body: new URLSearchParams({ ...params, Version: "2010-05-08" }).toString(), contentType: "application/x-www-form-urlencoded" });
    await iam({ Action: "CreateUser", UserName: "orgtrail-apply-tests" });
    const xml = await iam({ Action: "CreateAccessKey", UserName: "orgtrail-apply-tests" });
    const field = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];
    const key = { accessKeyId: field("AccessKeyId")!, secretAccessKey: field("SecretAccessKey")! };
    if (!key.accessKeyId || !key.secretAccessKey) throw new Error(`moto CreateAccessKey in ${accountId} returned no key:\n${xml}`);
    this.keys.set(accountId, key);
    return key;
  }

  /**
   * Writes `zz_emulator_override.tf.json` in `dir`: every named provider configuration (`aws`, `aws.<alias>`; an
   * override must name only configurations the root has) talks to the emulator with its account's access key.
   * Region, `allowed_account_ids` and default tags stay as the root sets them.
   */
  async writeEmulatorProviders(dir: string, providers: readonly EmulatedProvider[]): Promise<void> {
    const endpoints = Object.fromEntries(EMULATED_SERVICES.map((s) => [s, this.url]));
    const blocks = [];
    for (const p of providers) {
      const key = await this.accessKey(p.accountId);
      blocks.push({
        ...(p.alias ? { alias: p.alias } : {}),
        access_key: key.accessKeyId,
        secret_key: key.secretAccessKey,
        endpoints: [endpoints],
        s3_use_path_style: true,
        skip_metadata_api_check: true,
        max_retries: 2,
      });
    }
    writeFileSync(join(dir, "zz_emulator_override.tf.json"), JSON.stringify({ provider: { aws: blocks } }, null, 2));
  }
}

/** The `aws_<type>` resource names of the `*.tf.json` files in `dir` (override files left out). */
function resourcesIn(dir: string, type: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".tf.json") && !f.endsWith("_override.tf.json"))
    .flatMap((f) => Object.keys((JSON.parse(readFileSync(join(dir, f), "utf8")) as { resource?: Record<string, object> }).resource?.[type] ?? {}));
}

/**
 * Test-only: `force_destroy = true` on every `aws_s3_bucket` of the `*.tf.json` files in `dir` (a root, or a copied
 * module folder: override files apply per module), through `zz_force_destroy_override.tf.json`. The emulator, like
 * S3, writes server access logs into the access-log bucket, and `destroy` cannot delete a bucket holding objects.
 */
export function forceDestroyBuckets(dir: string): string[] {
  const buckets = resourcesIn(dir, "aws_s3_bucket");
  if (buckets.length === 0) throw new Error(`no aws_s3_bucket in ${dir}`);
  const override = { resource: { aws_s3_bucket: Object.fromEntries(buckets.map((b) => [b, { force_destroy: true }])) } };
  writeFileSync(join(dir, "zz_force_destroy_override.tf.json"), JSON.stringify(override, null, 2));
  return buckets;
}

/**
 * Test-only, written just before `destroy`: `lifecycle { prevent_destroy = false }` on the buckets and keys of `dir`
 * (`zz_prevent_destroy_override.tf.json`; Terraform merges lifecycle arguments one by one, so preconditions stay).
 * Until then the generated protection is in force, for the day-2 plans too. Returns the addresses it unprotects.
 */
export function allowDestroy(dir: string): string[] {
  const types = ["aws_s3_bucket", "aws_kms_key"];
  const resource = Object.fromEntries(types.map((t) => [t, Object.fromEntries(resourcesIn(dir, t).map((n) => [n, { lifecycle: { prevent_destroy: false } }]))]).filter(([, byName]) => Object.keys(byName).length));
  // A root of module calls only has nothing to unprotect (an empty resource block is invalid).
  if (Object.keys(resource).length) writeFileSync(join(dir, "zz_prevent_destroy_override.tf.json"), JSON.stringify({ resource }, null, 2));
  return Object.entries(resource).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`));
}

export interface EmulatedOrganization {
  readonly id: string;
  readonly rootId: string;
  readonly managementAccountId: string;
  /** Member account IDs by the names given to createOrganization. */
  readonly members: Record<string, string>;
}

export interface EmulatedProvider {
  /** undefined for the default `aws` provider. */
  readonly alias?: string;
  readonly accountId: string;
}

/** The provider configurations of a synthesized root (`cdk.tf.json`) and the account each one is pinned to. */
export function providersOf(tf: { provider?: Record<string, Record<string, unknown>[]> }): EmulatedProvider[] {
  return (tf.provider?.aws ?? []).map((p) => {
    const accounts = p.allowed_account_ids as string[] | undefined;
    if (accounts?.length !== 1) throw new Error(`provider aws${p.alias ? `.${p.alias}` : ""} must be pinned to one account (allowed_account_ids): ${JSON.stringify(accounts)}`);
    return { alias: p.alias as string | undefined, accountId: accounts[0] };
  });
}

/** Emulators for the calling test file: `start()` starts one (in a hook or a test); afterAll stops them all. */
export function useMoto(): { start(): Promise<Moto> } {
  const started: Promise<Moto>[] = [];
  afterAll(async () => {
    for (const m of await Promise.allSettled(started)) if (m.status === "fulfilled") await m.value.stop();
  }, 30_000);
  return {
    start: () => {
      const moto = Moto.start();
      started.push(moto);
      return moto;
    },
  };
}

/** Terraform's raw state (`terraform state pull`: no provider schemas to load, unlike `show -json`). */
export interface RawState {
  readonly resources: { module?: string; type: string; name: string; instances: { index_key?: string | number; attributes: Record<string, unknown> }[] }[];
  readonly outputs: Record<string, { value: unknown }>;
}

/** The attributes of every instance of `type` in a raw state, in any module. */
export const instancesOf = (state: RawState, type: string): Record<string, unknown>[] =>
  state.resources.filter((r) => r.type === type).flatMap((r) => r.instances.map((i) => i.attributes));

export interface RootRun<D = undefined> {
  /** Seconds taken by each step. */
  readonly seconds: { apply: number; plan: number; day2: number; destroy: number };
  /** `terraform plan -detailed-exitcode` after apply: 0 no changes, 2 a diff (in `planOutput`). */
  readonly planExitCode: number;
  readonly planOutput: string;
  /** The state right after apply. */
  readonly appliedState: RawState;
  /** What `afterPlan` returned (the day-2 plans). */
  readonly day2: D;
  /** `terraform state list` after destroy: empty when everything was destroyed. */
  readonly leftAfterDestroy: string[];
}

export interface RootOptions<D> {
  /** Extra arguments of apply, plan and destroy (e.g. `-var`). */
  readonly args?: string[];
  /** Folders (the root, copied modules) whose buckets and keys `allowDestroy` unprotects before destroy. */
  readonly protectedDirs?: string[];
  /** Runs against the applied state after the no-change plan, before destroy (the day-2 plans). */
  readonly afterPlan?: (appliedState: RawState) => Promise<D>;
}

/**
 * init (offline, the provider mirror), apply, plan, `afterPlan`, destroy in `dir`. Apply and destroy must succeed
 * (the error carries terraform's output and the emulator's log); the plan's result is returned for the test to
 * judge, and destroy runs whatever the plan showed.
 */
export async function applyPlanDestroy<D = undefined>(moto: Moto, dir: string, options: RootOptions<D> = {}): Promise<RootRun<D>> {
  const args = options.args ?? [];
  const failed = (step: string, r: { stdout: string; stderr: string }) =>
    new Error(`terraform ${step} failed in ${dir}:\n${r.stdout}\n${r.stderr}\n--- moto log (end) ---\n${moto.logTail()}`);
  const run = async (step: string[], must = true) => {
    const started = Date.now();
    const r = await terraformAsync(dir, [...step, "-input=false", "-no-color", ...args], NO_PROXY);
    if (must && r.status !== 0) throw failed(step.join(" "), r);
    return { ...r, seconds: (Date.now() - started) / 1000 };
  };
  const must = async (step: string[]) => {
    const r = await terraformAsync(dir, step, NO_PROXY);
    if (r.status !== 0) throw failed(step.join(" "), r);
    return r.stdout;
  };
  await must(["init", "-input=false", "-no-color"]);
  const apply = await run(["apply", "-auto-approve"]);
  const appliedState = JSON.parse(await must(["state", "pull"])) as RawState;
  const plan = await run(["plan", "-detailed-exitcode"], false);
  if (plan.status !== 0 && plan.status !== 2) throw failed("plan", plan);
  const day2Started = Date.now();
  const day2 = (await options.afterPlan?.(appliedState)) as D;
  const day2Seconds = (Date.now() - day2Started) / 1000;
  for (const d of options.protectedDirs ?? [dir]) allowDestroy(d);
  const destroy = await run(["destroy", "-auto-approve"]);
  return {
    seconds: { apply: apply.seconds, plan: plan.seconds, day2: day2Seconds, destroy: destroy.seconds },
    planExitCode: plan.status,
    planOutput: plan.status === 0 ? "" : plan.stdout.split("\n").filter((l) => !/: (Refreshing state|Reading|Read complete)/.test(l)).join("\n").trim(),
    appliedState,
    day2,
    leftAfterDestroy: (await must(["state", "list"])).split("\n").filter(Boolean),
  };
}

/** One resource change of a day-2 plan, as `terraform plan -json` reports it (`planned_change`). */
export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  /** create, update, replace, delete, remove (a `removed` block: forgotten, not destroyed), … */
  readonly action: string;
}

export interface Day2Plan {
  /** 0: planned (changes in `changes`); otherwise the plan failed (prevent_destroy refuses), see `error`. */
  readonly status: number;
  readonly changes: PlannedChange[];
  /** The diagnostics' summaries and details, when the plan failed. */
  readonly error: string;
  readonly seconds: number;
}

/**
 * A day-2 plan: the root's generated file `file` replaced by `tf` (a new synth), `plan -json -refresh=false`
 * against the applied state, and the original file put back. No refresh: the no-change plan just showed that state
 * and emulator agree, and the question is what the provider plans from the new configuration (which arguments
 * force a replacement), computed from state and configuration alone. One terraform run per change (`-json`
 * streams each planned change; no `show -json`, which would load the provider a second time).
 */
export async function planDay2(dir: string, file: string, tf: object, args: string[] = []): Promise<Day2Plan> {
  const path = join(dir, file);
  const original = readFileSync(path, "utf8");
  const started = Date.now();
  try {
    writeFileSync(path, JSON.stringify(tf, null, 2));
    const plan = await terraformAsync(dir, ["plan", "-json", "-refresh=false", "-lock=false", "-input=false", ...args], NO_PROXY);
    const messages = plan.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { type: string; change?: { action: string; resource: { addr: string; resource_type: string } }; diagnostic?: { severity: string; summary: string; detail?: string } });
    const changes = messages.filter((m) => m.type === "planned_change" && m.change).map((m) => ({ address: m.change!.resource.addr, type: m.change!.resource.resource_type, action: m.change!.action }));
    const error = messages
      .filter((m) => m.type === "diagnostic" && m.diagnostic?.severity === "error")
      .map((m) => `${m.diagnostic!.summary}: ${m.diagnostic!.detail ?? ""}`)
      .join("\n");
    return { status: plan.status, changes, error: plan.status === 0 ? "" : error || plan.stderr, seconds: (Date.now() - started) / 1000 };
  } finally {
    writeFileSync(path, original);
  }
}
