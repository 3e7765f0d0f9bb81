import { closeSync, existsSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/**
 * Writes `text` to `path` whole or not at all: a temporary file beside it, then a link (refuses an existing file)
 * or, with `overwrite`, a rename over it.
 */
export function writeFileAtomically(path: string, text: string, overwrite: boolean): void {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.orgtrail-${process.pid}-${Date.now()}`);
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    if (overwrite) renameSync(temp, target);
    else linkSync(temp, target);
  } finally {
    if (existsSync(temp)) rmSync(temp);
  }
}
