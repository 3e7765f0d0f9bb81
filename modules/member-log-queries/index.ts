import type { Concept } from "../shared/concept";
import { memberLogQueriesSections } from "./config";
import { memberLogQueriesPolicies } from "./policies";

/**
 * Athena over each member account's own logs. Module only: member teams deploy it in their own accounts, which the
 * deploy stack never deploys into; the config lists those accounts so that explain and the size report show their
 * policies.
 */
export const memberLogQueries: Concept<typeof memberLogQueriesSections> = {
  name: "member-log-queries",
  summary: "Athena (Glue table with partition projection, workgroup, identity policy) over a member account's own logs, deployed by the member",
  sections: memberLogQueriesSections,
  policies: memberLogQueriesPolicies,
  module: () => (require("./module") as typeof import("./module")).memberLogQueriesModule(),
};
