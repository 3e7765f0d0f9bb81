import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

/** Marks a folder as orgtrail output, so a later run may replace it and never replaces anything else. */
export const OUTPUT_MARKER = ".orgtrail-output";

/** Thrown when the output folder may not be replaced; nothing has been written. */
export class OutputRefusedError extends Error {
  constructor(
    readonly target: string,
    reason: string,
    hint = "choose another --out",
  ) {
    super(`${target} ${reason}: refusing to replace it (${hint})`);
    this.name = "OutputRefusedError";
  }
}

/**
 * Why `target` may not be replaced by orgtrail output, or undefined when it may: it does not exist, is empty, or
 * carries the marker. Output of `cdktf synth` for orgtrail's own app (a manifest naming only `ownStacks`) counts as
 * orgtrail output too; any other cdktf project's output does not.
 */
export function whyNotReplaceable(target: string, ownStacks: readonly string[] = []): string | undefined {
  if (!existsSync(target) && !isSymlink(target)) return undefined;
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return "is a symbolic link";
  if (!stat.isDirectory()) return "is a file, not a folder";
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER)) return undefined;
  if (entries.includes("manifest.json") && entries.every((e) => e === "manifest.json" || e === "stacks") && onlyOwnStacks(join(target, "manifest.json"), ownStacks)) return undefined;
  return "is not empty and is not orgtrail output";
}

/**
 * Writes a folder atomically. `write(staging)` fills a fresh folder created beside `target` (same file system,
 * so rename is atomic); the staging folder then takes the place of `target`, whose previous content is removed
 * only after the swap. When `write` throws, `target` is untouched and the staging folder is removed. The only
 * paths ever removed are the staging folder and the previous `target`: symbolic links inside are removed as links,
 * never followed.
 */
export function writeFolderAtomically(outDir: string, write: (staging: string) => void, ownStacks: readonly string[] = []): string {
  const target = resolve(outDir);
  const refused = whyNotReplaceable(target, ownStacks);
  if (refused) throw new OutputRefusedError(target, refused);

  const parent = dirname(target);
  const createdParent = mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.orgtrail-staging-`));
  chmodSync(staging, 0o755);
  const previous = `${staging}.previous`;
  try {
    write(staging);
    writeFileSync(join(staging, OUTPUT_MARKER), "Written by orgtrail synth; the whole folder is replaced on the next run.\n");
    // Checked again: another process may have filled the folder while we were writing.
    const refusedNow = whyNotReplaceable(target, ownStacks);
    if (refusedNow) throw new OutputRefusedError(target, refusedNow);
    const hadTarget = existsSync(target);
    if (hadTarget) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (e) {
      if (hadTarget) renameSync(previous, target);
      throw e;
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (createdParent) removeEmptyFolders(createdParent, parent);
    throw e;
  }
  rmSync(previous, { recursive: true, force: true });
  return target;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function onlyOwnStacks(manifestPath: string, ownStacks: readonly string[]): boolean {
  try {
    const stacks = Object.keys((JSON.parse(readFileSync(manifestPath, "utf8")) as { stacks?: object }).stacks ?? {});
    return stacks.length > 0 && stacks.every((s) => ownStacks.includes(s));
  } catch {
    return false;
  }
}

/** Removes the folders a failed run created, from `deepest` up to `top`, as long as they are empty. */
function removeEmptyFolders(top: string, deepest: string): void {
  for (let dir = deepest; dir.startsWith(top); dir = dirname(dir)) {
    if (readdirSync(dir).length > 0) return;
    rmdirSync(dir);
    if (dir === top) return;
  }
}
