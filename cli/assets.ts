import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The package root: `help/` and `templates/` sit beside `cli/` in the sources and beside `dist/` once built, so
 * the CLI finds them from either.
 */
export const PACKAGE_ROOT = [join(__dirname, ".."), join(__dirname, "..", "..")].find((d) => existsSync(join(d, "help"))) ?? join(__dirname, "..", "..");

export const readAsset = (...path: string[]): string => readFileSync(join(PACKAGE_ROOT, ...path), "utf8");

export const VERSION = (JSON.parse(readAsset("package.json")) as { version: string }).version;
