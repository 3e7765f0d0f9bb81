import type { Inputs } from "../shared/inputs";
import { logLocation } from "../organization/variables";
import { coalesce, toTemplate } from "../shared/value";
import { MEMBER_LOG_QUERIES_DEFAULTS } from "./config";
import type { MemberLogQueriesProps } from "./member-log-queries";

/** The queries' props from the module's inputs (the module is the only delivery: the deploy stack never deploys into members). */
export const memberLogQueriesProps = (v: Inputs): MemberLogQueriesProps => ({
  ...logLocation(v),
  organizationId: v.s("organization_id"),
  memberAccountId: v.s("member_account_id"),
  databaseName: v.s("database_name"),
  tableName: v.s("table_name"),
  workgroupName: v.s("workgroup_name"),
  policyName: v.s("policy_name"),
  resultsBucketName: toTemplate(coalesce(v.value("results_bucket_name"), MEMBER_LOG_QUERIES_DEFAULTS.resultsBucketName(v.s("member_account_id"), v.s("trail_home_region")))),
  resultsExpirationDays: v.n("results_expiration_days"),
  regions: v.value("regions"),
  projectionStartDate: v.s("projection_start_date"),
  roleNames: v.value("role_names"),
  tags: v.value("tags"),
});
