import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Where Terraform gets hashicorp/aws for the tests and benchmarks: a local filesystem mirror when the machine has one
 * (offline CI, design.md §2), otherwise a mirror filled once per machine from the Terraform registry (a laptop with
 * network access). A CLI config of our own either way: the environment may name one that does not exist.
 */
const MIRROR_CANDIDATES = ["/opt/tf-plugins", "/usr/share/terraform/plugins", "/usr/local/share/terraform/plugins"];

/** The provider version the registry fallback installs: the one the generated Terraform is tested with. */
export const AWS_PROVIDER_VERSION = "5.100.0";

const holdsAws = (dir: string): boolean => existsSync(join(dir, "registry.terraform.io", "hashicorp", "aws"));

/** A local mirror holding hashicorp/aws (ORGTRAIL_TF_MIRROR names one explicitly), or undefined. */
export function findMirror(candidates: readonly (string | undefined)[] = [process.env.ORGTRAIL_TF_MIRROR, ...MIRROR_CANDIDATES]): string | undefined {
  return candidates.filter((c): c is string => Boolean(c)).find(holdsAws);
}

/**
 * The registry fallback: `terraform providers mirror` into a staging folder, renamed into place, so that test
 * workers starting together never see a half-written mirror (the loser of the rename uses the winner's).
 */
export function registryMirror(target = join(tmpdir(), `orgtrail-tf-mirror-aws-${AWS_PROVIDER_VERSION}`)): string {
  if (holdsAws(target)) return target;
  const root = mkdtempSync(join(tmpdir(), "orgtrail-tf-mirror-root-"));
  const staging = mkdtempSync(join(tmpdir(), "orgtrail-tf-mirror-staging-"));
  writeFileSync(join(root, "main.tf.json"), JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: AWS_PROVIDER_VERSION } } } }));
  const rc = join(root, "terraformrc");
  writeFileSync(rc, "provider_installation {\n  direct {}\n}\n");
  const r = spawnSync("terraform", ["providers", "mirror", staging], { cwd: root, encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: rc, CHECKPOINT_DISABLE: "1" } });
  if (r.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`no local mirror of hashicorp/aws, and installing it from the registry failed:\n${r.stdout}\n${r.stderr}`);
  }
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
  rmSync(root, { recursive: true, force: true });
  return target;
}

/** A Terraform CLI config that installs hashicorp/aws from `mirror` and anything else from the registry. */
export function cliConfigText(mirror: string): string {
  return `provider_installation {\n  filesystem_mirror {\n    path    = "${mirror}"\n    include = ["registry.terraform.io/hashicorp/aws"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/aws"]\n  }\n}\n`;
}

/** Writes the CLI config into `dir` and returns its path (for TF_CLI_CONFIG_FILE). */
export function writeCliConfig(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "terraformrc");
  writeFileSync(path, cliConfigText(findMirror() ?? registryMirror()));
  return path;
}
