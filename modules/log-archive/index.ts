import type { Concept } from "../shared/concept";
import { logArchiveSections } from "./config";
import { logArchivePolicies } from "./policies";
import { LOG_ARCHIVE_RULES } from "./rules";

/** The central bucket (with the trail key and the access-log bucket) that CloudTrail writes to and members read. */
export const logArchive: Concept<typeof logArchiveSections> = {
  name: "log-archive",
  summary: "bucket, access-log bucket, KMS key",
  sections: logArchiveSections,
  crossFieldRules: LOG_ARCHIVE_RULES,
  policies: logArchivePolicies,
  needs: ["deployment"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployLogArchive(ctx),
  module: () => (require("./module") as typeof import("./module")).logArchiveModule(),
};
