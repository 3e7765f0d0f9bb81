import { join } from "node:path";
import { config, synthTo } from "./helpers/synth";
import { terraform, workdir } from "./helpers/terraform";

/** The `terraform test` files shipped with each module pass offline, as they will in a consumer's repository. */
describe.each(["log-archive", "organization-trail"])("shipped terraform tests of %s", (name) => {
  test("terraform test passes with every run", () => {
    const dir = workdir(`tftest-${name}`, join(synthTo(config()), "modules", name));
    const init = terraform(dir, ["init", "-input=false", "-no-color"]);
    expect(init.stderr).toBe("");
    const run = terraform(dir, ["test", "-no-color"]);
    expect(run.stdout).toMatch(/Success! \d+ passed, 0 failed\./);
    expect(run.status).toBe(0);
    const passed = Number(/(\d+) passed/.exec(run.stdout)![1]);
    expect(passed).toBeGreaterThanOrEqual(4);
  });
});
