import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const MEMBER_LOG_QUERIES_DEFAULTS = {
  databaseName: "orgtrail_cloudtrail",
  tableName: "cloudtrail_logs",
  workgroupName: "orgtrail-cloudtrail",
  policyName: "OrgTrailQueryOwnCloudTrailLogs",
  resultsExpirationDays: 30,
  /** The first day partition projection offers; older days are never listed. */
  projectionStartDate: "2020/01/01",
  resultsBucketName: (accountId: string, region: string) => `orgtrail-athena-results-${accountId}-${region}`,
} as const;

/** Glue and Athena accept lowercase letters, digits and underscores in database and table names (Athena DDL). */
export const GLUE_NAME_PATTERN = "^[a-z0-9_]{1,255}$";
export const WORKGROUP_PATTERN = "^[A-Za-z0-9._-]{1,128}$";
export const POLICY_NAME_PATTERN = "^[A-Za-z0-9+=,.@_-]{1,128}$";
export const DATE_PATTERN = "^[0-9]{4}/[0-9]{2}/[0-9]{2}$";

const glueName = (what: string) => z.string().regex(new RegExp(GLUE_NAME_PATTERN), `must be 1-255 lowercase letters, digits or underscores (an Athena ${what} name)`);

const memberLogQueries = z.strictObject({
  accounts: z.array(ruled("accountId")).min(1, "must list at least one member account (omit memberLogQueries for none)").describe("Member accounts that vendor the member-log-queries module: `orgtrail explain` and the size report show each one's identity policy."),
  databaseName: glueName("database").default(MEMBER_LOG_QUERIES_DEFAULTS.databaseName).describe("Glue database in each member account."),
  tableName: glueName("table").default(MEMBER_LOG_QUERIES_DEFAULTS.tableName).describe("Glue table over the account's CloudTrail folder."),
  workgroupName: z.string().regex(new RegExp(WORKGROUP_PATTERN), "must be 1-128 letters, digits or . _ -").default(MEMBER_LOG_QUERIES_DEFAULTS.workgroupName).describe("Athena workgroup in each member account."),
  policyName: z.string().regex(new RegExp(POLICY_NAME_PATTERN), "must be 1-128 characters of [A-Za-z0-9+=,.@_-]").default(MEMBER_LOG_QUERIES_DEFAULTS.policyName).describe("Name of the identity policy the module creates for the member's query principals."),
});

/** The `memberLogQueries` section: what member teams deploy with the member-log-queries module (never the deploy stack). */
export const memberLogQueriesSections = {
  memberLogQueries: memberLogQueries.optional().describe("Athena over each member account's own logs, deployed by the member teams with the member-log-queries module (docs/member-queries.md)."),
};

export type MemberLogQueriesConfig = z.output<typeof memberLogQueries>;
