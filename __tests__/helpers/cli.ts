import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";

/** The built CLI, as users run it (`npm test` builds first). */
export const CLI = resolve(__dirname, "..", "..", "dist", "cli", "index.js");

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function cli(args: string[], cwd = process.cwd()): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same, without blocking: lets a test run many CLI processes side by side. */
export function cliAsync(args: string[], cwd = process.cwd()): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (status) => done({ status: status ?? -1, stdout, stderr }));
  });
}

/** Runs `jobs` with at most `width` at a time, keeping their order. */
export async function inBatches<T>(jobs: (() => Promise<T>)[], width = 4): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]();
      }
    }),
  );
  return results;
}

export const tempDir = (label: string): string => mkdtempSync(join(tmpdir(), `orgtrail-${label}-`));

/** Every file under `dir` (hidden ones too) with its content: a snapshot to prove a folder unchanged. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = e.isSymbolicLink() ? `-> link` : readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

export const mtime = (path: string): number => statSync(path).mtimeMs;
