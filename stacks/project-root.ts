import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The folder holding orgtrail's package.json, whether running from `dist/` or from sources (tests). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "cdktf.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find orgtrail's project root above ${from}`);
    dir = up;
  }
  return dir;
}
