import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { GOLDEN_DIR } from "../stacks/golden";
import { config, synthTo } from "./helpers/synth";

const files = (root: string, dir = root): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(root, join(dir, f)) : [relative(root, join(dir, f))])).sort();

/**
 * The example organization's generated modules are committed under examples/vendor/orgtrail. A change to orgtrail
 * that alters generated Terraform must update them (`npm run golden`), so reviewers see its effect in the diff.
 */
describe("golden output", () => {
  const fresh = join(synthTo(config()), "modules");

  test("the committed modules have exactly the files synth writes", () => {
    expect(files(GOLDEN_DIR)).toEqual(files(fresh));
  });

  test("every committed file is byte-identical to a fresh synth (run `npm run golden` and review the diff if not)", () => {
    const drifted = files(fresh).filter((f) => readFileSync(join(fresh, f), "utf8") !== readFileSync(join(GOLDEN_DIR, f), "utf8"));
    expect(drifted).toEqual([]);
  });
});
