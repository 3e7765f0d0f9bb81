import type { VariableSpec } from "../shared/inputs";
import { LOG_LOCATION, TAGS } from "../organization/variables";
import { KNOWN_REGIONS } from "../shared/rules/aws-values";
import { integerBetween, matches } from "../shared/rules/rule";
import { DATE_PATTERN, GLUE_NAME_PATTERN, MEMBER_LOG_QUERIES_DEFAULTS as D, POLICY_NAME_PATTERN, WORKGROUP_PATTERN } from "./config";

/** The commercial partition's regions: the enum the table projects `region` over (CloudTrail writes a folder per region). */
export const COMMERCIAL_REGIONS = KNOWN_REGIONS.filter((r) => !/^(cn|us-gov)-/.test(r));

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const MEMBER_LOG_QUERIES_VARIABLES: readonly VariableSpec[] = [
  ...LOG_LOCATION,
  {
    name: "member_account_id",
    config: "memberLogQueries.accounts",
    fromConfig: (c) => c.memberLogQueries?.accounts[0],
    example: true,
    type: "string",
    rules: "accountId",
    description: "The member account this module is deployed in (its provider's account): the table reads AWSLogs/<organization_id>/<member_account_id>/ only.",
  },
  { name: "database_name", config: "memberLogQueries.databaseName", type: "string", default: D.databaseName, rules: [matches(GLUE_NAME_PATTERN, "be 1-255 lowercase letters, digits or underscores")], description: "Glue database of the table." },
  { name: "table_name", config: "memberLogQueries.tableName", type: "string", default: D.tableName, rules: [matches(GLUE_NAME_PATTERN, "be 1-255 lowercase letters, digits or underscores")], description: "Glue table over the account's CloudTrail folder." },
  { name: "workgroup_name", config: "memberLogQueries.workgroupName", type: "string", default: D.workgroupName, rules: [matches(WORKGROUP_PATTERN, "be 1-128 letters, digits or . _ -")], description: "Athena workgroup whose queries write encrypted results to the results bucket." },
  { name: "policy_name", config: "memberLogQueries.policyName", type: "string", default: D.policyName, rules: [matches(POLICY_NAME_PATTERN, "be 1-128 characters of [A-Za-z0-9+=,.@_-]")], description: "Name of the identity policy for the account's query principals." },
  { name: "role_names", type: "list(string)", default: [], elementRules: "roleName", description: "Roles of this account to attach the identity policy to; attach it to others yourself (policy_arn output)." },
  {
    name: "results_bucket_name",
    type: "string",
    default: null,
    rules: "bucketName",
    description: "Bucket of the member account for query results; null for orgtrail-athena-results-<member_account_id>-<trail_home_region>.",
  },
  { name: "results_expiration_days", type: "number", default: D.resultsExpirationDays, rules: [integerBetween(1, 3650)], description: "Days before query results expire." },
  { name: "regions", type: "list(string)", default: COMMERCIAL_REGIONS, elementRules: "region", description: "Regions the table projects (CloudTrail writes a folder per region); the default is every commercial region." },
  { name: "projection_start_date", type: "string", default: D.projectionStartDate, rules: [matches(DATE_PATTERN, "be a date yyyy/MM/dd")], description: "First day the table projects (yyyy/MM/dd); queries should still filter on day." },
  TAGS,
];
