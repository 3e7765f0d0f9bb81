import { Construct } from "../modules/shared/facade";
import { MEMBER_LOG_QUERIES_VARIABLES } from "../modules/member-log-queries/inputs";
import { MemberLogQueries as QueriesParts } from "../modules/member-log-queries/member-log-queries";
import { memberLogQueriesProps } from "../modules/member-log-queries/props";
import { literalInputs } from "../modules/shared/inputs";
import { ref } from "../modules/shared/resources";
import { KEY_ARN_DEFERRED, LOCATION_FIELDS, named, type LogLocationProps } from "./organization";
import { checkProps } from "./props";

export interface MemberLogQueriesProps extends LogLocationProps {
  /** The member account this is deployed in (the provider's account): the table reads its own folder of the archive only. */
  readonly memberAccountId: string;
  /** Glue database of the table. @default "orgtrail_cloudtrail" */
  readonly databaseName?: string;
  /** Glue table over the account's CloudTrail folder. @default "cloudtrail_logs" */
  readonly tableName?: string;
  /** Athena workgroup whose queries write encrypted results to the results bucket. @default "orgtrail-cloudtrail" */
  readonly workgroupName?: string;
  /** Name of the identity policy for the account's query principals. @default "OrgTrailQueryOwnCloudTrailLogs" */
  readonly policyName?: string;
  /** Roles of this account to attach the identity policy to; attach it to others yourself (`policyArn`). @default none */
  readonly roleNames?: readonly string[];
  /** Bucket of the member account for query results. @default `orgtrail-athena-results-<memberAccountId>-<homeRegion>` */
  readonly resultsBucketName?: string;
  /** Days before query results expire (1 to 3650). @default 30 */
  readonly resultsExpirationDays?: number;
  /** Regions the table projects (CloudTrail writes a folder per region). @default every commercial region */
  readonly regions?: readonly string[];
  /** First day the table projects (`yyyy/MM/dd`); queries should still filter on day. @default "2020/01/01" */
  readonly projectionStartDate?: string;
}

const FIELDS = {
  ...LOCATION_FIELDS,
  memberAccountId: "memberLogQueries.accounts[0]",
  databaseName: "memberLogQueries.databaseName",
  tableName: "memberLogQueries.tableName",
  workgroupName: "memberLogQueries.workgroupName",
  policyName: "memberLogQueries.policyName",
} as const;

/** Props that are module inputs only (the config lists member accounts, not their query settings). */
const INPUTS = { roleNames: "role_names", resultsBucketName: "results_bucket_name", resultsExpirationDays: "results_expiration_days", regions: "regions", projectionStartDate: "projection_start_date" } as const;

/**
 * Athena over one member account's own logs, in that member account: a Glue database and a CloudTrail table with
 * partition projection, an Athena workgroup with encrypted results in a bucket of the member's own, and the
 * identity policy its query principals need.
 */
export class MemberLogQueries extends Construct {
  /** Glue database of the CloudTrail table. */
  readonly databaseName: string;
  /** CloudTrail table (partitions: region, day = yyyy/MM/dd). */
  readonly tableName: string;
  /** Athena workgroup to run the queries in. */
  readonly workgroupName: string;
  /** Bucket of the workgroup's encrypted query results. */
  readonly resultsBucketName: string;
  /** Identity policy for the account's query principals (attached to `roleNames`). */
  readonly policyArn: string;
  /** The resources, for references and escape hatches. */
  readonly parts: QueriesParts;

  constructor(scope: Construct, id: string, props: MemberLogQueriesProps) {
    const { config, given } = checkProps({
      scope,
      construct: named("MemberLogQueries", id),
      props,
      fields: FIELDS,
      deferred: KEY_ARN_DEFERRED,
      inputs: { specs: MEMBER_LOG_QUERIES_VARIABLES, props: INPUTS },
    });
    super(scope, id);
    this.parts = new QueriesParts(this, "queries", { ...memberLogQueriesProps(literalInputs(MEMBER_LOG_QUERIES_VARIABLES, config, given)), provider: props.provider });
    this.databaseName = ref(this.parts.database, "name");
    this.tableName = ref(this.parts.table, "name");
    this.workgroupName = ref(this.parts.workgroup, "name");
    this.resultsBucketName = ref(this.parts.results.bucket, "bucket");
    this.policyArn = ref(this.parts.policy, "arn");
  }
}
