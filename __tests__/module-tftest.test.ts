import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildModules } from "../stacks/build-module";
import { config, synthTo } from "./helpers/synth";
import { terraform, workdir } from "./helpers/terraform";

const modules = buildModules(mkdtempSync(join(tmpdir(), "orgtrail-tftest-")));
const out = synthTo(config());

/** The `run` blocks a module ships: every one must run and pass. */
const runsOf = (files: Record<string, string>) =>
  Object.entries(files)
    .filter(([f]) => f.startsWith("tests/"))
    .reduce((n, [, text]) => n + (text.match(/^run "/gm) ?? []).length, 0);

/** The `terraform test` files shipped with each module pass offline, as they will in a consumer's repository. */
describe.each(modules.map((m) => [m.name, runsOf(m.files)] as const))("shipped terraform tests of %s", (name, runs) => {
  test(`terraform test passes with every run (${runs})`, () => {
    expect(runs).toBeGreaterThanOrEqual(3);
    const dir = workdir(`tftest-${name}`, join(out, "modules", name));
    const init = terraform(dir, ["init", "-input=false", "-no-color"]);
    expect(init.stderr).toBe("");
    const run = terraform(dir, ["test", "-no-color"]);
    expect(run.stdout).toContain(`Success! ${runs} passed, 0 failed.`);
    expect(run.status).toBe(0);
  });
});
