import { mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AWS_PROVIDER_VERSION, cliConfigText, findMirror, registryMirror } from "../scripts/terraform-providers";

/**
 * Where the tests' Terraform gets hashicorp/aws: a local mirror when the machine has one, else the registry. This
 * machine has a mirror and no route to registry.terraform.io, so the fallback is proven up to the registry's door:
 * offline it fails with an error that says what it tried; with network it fills the mirror (both outcomes checked).
 */
const fresh = (label: string) => mkdtempSync(join(tmpdir(), `orgtrail-${label}-`));

function fakeMirror(): string {
  const dir = fresh("fake-mirror");
  mkdirSync(join(dir, "registry.terraform.io", "hashicorp", "aws"), { recursive: true });
  return dir;
}

test("a mirror is used only when it holds hashicorp/aws; ORGTRAIL_TF_MIRROR comes first; none found is undefined", () => {
  const empty = fresh("empty-mirror");
  const good = fakeMirror();
  const other = fakeMirror();
  expect(findMirror([undefined, empty, good, other])).toBe(good);
  expect(findMirror([empty, undefined])).toBeUndefined();
});

test("the CLI config installs hashicorp/aws from the mirror only, everything else from the registry", () => {
  const text = cliConfigText("/some/mirror");
  expect(text).toMatch(/filesystem_mirror \{\n\s+path\s+= "\/some\/mirror"\n\s+include = \["registry.terraform.io\/hashicorp\/aws"\]/);
  expect(text).toMatch(/direct \{\n\s+exclude = \["registry.terraform.io\/hashicorp\/aws"\]/);
});

test("without a mirror, hashicorp/aws is mirrored from the registry, or the error names the registry it could not reach", () => {
  const target = join(tmpdir(), `orgtrail-tf-mirror-test-${AWS_PROVIDER_VERSION}`);
  let mirror: string | undefined;
  let error: Error | undefined;
  try {
    mirror = registryMirror(target);
  } catch (e) {
    error = e as Error;
  }
  if (error) {
    expect(error.message).toContain("no local mirror of hashicorp/aws, and installing it from the registry failed");
    expect(error.message).toContain("registry.terraform.io");
    expect(() => readdirSync(target)).toThrow(); // nothing half-written where the next run would look
  } else {
    expect(mirror).toBe(target);
    expect(readdirSync(join(target, "registry.terraform.io", "hashicorp", "aws")).some((f) => f.includes(AWS_PROVIDER_VERSION))).toBe(true);
  }
}, 300_000);
