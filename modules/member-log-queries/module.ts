import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { ref } from "../shared/resources";
import type { ModuleVariables } from "../shared/variables";
import { memberLogQueriesProps } from "./props";
import { MemberLogQueries } from "./member-log-queries";
import { MEMBER_LOG_QUERIES_DOC } from "./readme";
import { MEMBER_LOG_QUERIES_VARIABLES } from "./inputs";

export { MEMBER_LOG_QUERIES_VARIABLES };

/** member-log-queries: Athena over a member account's own logs, in that member account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const q = new MemberLogQueries(stack, "member-log-queries", memberLogQueriesProps(v));
  output(stack, "database_name", ref(q.database, "name"), "Glue database of the CloudTrail table.");
  output(stack, "table_name", ref(q.table, "name"), "CloudTrail table (partitions: region, day = yyyy/MM/dd).");
  output(stack, "workgroup_name", ref(q.workgroup, "name"), "Athena workgroup to run the queries in.");
  output(stack, "results_bucket_name", ref(q.results.bucket, "bucket"), "Bucket of the workgroup's encrypted query results.");
  output(stack, "policy_arn", ref(q.policy, "arn"), "Identity policy for the account's query principals (attached to role_names).");
}

export const memberLogQueriesModule = (): ModuleDefinition => ({ name: "member-log-queries", variables: MEMBER_LOG_QUERIES_VARIABLES, build, doc: MEMBER_LOG_QUERIES_DOC });
