import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { terraformAsync, workdir } from "./helpers/terraform";

/**
 * Every example initialises exactly as committed: its module sources resolve (the vendored modules sit in
 * examples/vendor/), and terraform init finds its providers. Copied first, so .terraform/ never lands in the repo.
 */
const EXAMPLES = join(__dirname, "..", "examples");
const roots = readdirSync(EXAMPLES).filter((d) => existsSync(join(EXAMPLES, d, "main.tf")));

test("the examples with a Terraform root are the ones the README names", () => {
  expect(roots.sort()).toEqual(["access", "delegated-admin", "single-account", "two-accounts"]);
});

test("terraform init succeeds in every example as committed", async () => {
  const copy = workdir("examples-init", EXAMPLES);
  const runs = await Promise.all(roots.map(async (root) => ({ root, run: await terraformAsync(join(copy, root), ["init", "-input=false", "-no-color", "-backend=false"]) })));
  expect(runs.map(({ root, run }) => ({ root, status: run.status, stderr: run.status ? run.stderr : "" }))).toEqual(roots.map((root) => ({ root, status: 0, stderr: "" })));
}, 180_000);
