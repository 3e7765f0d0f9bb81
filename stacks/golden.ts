import { join } from "node:path";
import { projectRoot } from "./project-root";

/** Where the example organization's generated modules are committed (the examples vendor them from here). */
export const GOLDEN_DIR = join(projectRoot(), "examples", "vendor", "orgtrail");
