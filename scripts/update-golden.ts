/**
 * Refreshes the committed golden output: the example organization's vendorable modules under
 * examples/vendor/orgtrail/, which the examples consume and `npm test` compares with a fresh synth.
 * Run `npm run golden` after a change that alters generated Terraform, and review the diff.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../config/load";
import { GOLDEN_DIR } from "../stacks/golden";
import { synthesize } from "../stacks/synth";

const out = join(mkdtempSync(join(tmpdir(), "orgtrail-golden-")), "out");
try {
  synthesize(loadConfig(), out);
  rmSync(GOLDEN_DIR, { recursive: true, force: true });
  cpSync(join(out, "modules"), GOLDEN_DIR, { recursive: true });
  process.stdout.write(`golden output refreshed in ${GOLDEN_DIR}\n`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
