import { fixedId } from "../shared/logical-id";
import { AthenaWorkgroup, Construct, GlueCatalogDatabase, GlueCatalogTable, IamPolicy, IamRolePolicyAttachment, type TerraformProvider } from "../shared/facade";
import { bucketArn } from "../shared/arns";
import { POLICY_VERSION } from "../shared/document";
import { each, forEach, toSet } from "../shared/for-each";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { ref, tag, type Tags } from "../shared/resources";
import { isExpr, reference, toHcl, toTemplate, type Value } from "../shared/value";
import { local } from "../shared/locals";
import { HardenedBucket } from "../log-archive/hardened-bucket";
import { denyInsecureTransport } from "../log-archive/bucket-policy";
import { accountLogFolder, memberQueryPolicy, type MemberQueryIntent } from "./query-policy";
import { CLOUDTRAIL_COLUMNS, CLOUDTRAIL_SERDE, PARTITION_KEYS, projectionParameters } from "./table";

export interface MemberLogQueriesProps extends MemberQueryIntent {
  /** Regions the table projects: a literal list or a module variable. */
  readonly regions: Value<readonly string[]>;
  readonly projectionStartDate: string;
  readonly resultsExpirationDays: number;
  readonly policyName: string;
  /** Roles of the member account that get the identity policy. */
  readonly roleNames: Value<readonly string[]>;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/** The policy's name in size reports and module preconditions. */
export const QUERY_POLICY_NAME = "member log queries policy";

/**
 * Athena over one member account's own folder of the log archive, deployed in that member account: a Glue database
 * and a CloudTrail table with partition projection (region, day), an Athena workgroup that enforces encrypted
 * results in a bucket of the member's own, and the identity policy its query principals need.
 */
export class MemberLogQueries extends Construct {
  readonly database: GlueCatalogDatabase;
  readonly table: GlueCatalogTable;
  readonly workgroup: AthenaWorkgroup;
  readonly policy: IamPolicy;
  readonly results: HardenedBucket;

  constructor(scope: Construct, name: string, given: MemberLogQueriesProps) {
    super(scope, name);
    // A module's key path is a conditional: a local keeps it out of the table's strings, whose HCL rendering would
    // otherwise turn it into a template directive (and fail the HCL round trip).
    const props = { ...given, keyPath: toTemplate(local(this, "logs_key_path", given.keyPath)) };
    const { provider, tags } = props;
    const resultsArn = bucketArn(props.partition, props.resultsBucketName);
    this.results = new HardenedBucket(this, "results", {
      id: "query_results",
      bucketName: props.resultsBucketName,
      lifecycle: { expirationDays: props.resultsExpirationDays, noncurrentVersionExpirationDays: 1, abortIncompleteMultipartUploadDays: 1 },
      policy: { Version: POLICY_VERSION, Statement: [denyInsecureTransport(resultsArn)] },
      policyName: "query results bucket policy",
      tags,
      provider,
    });

    this.database = new GlueCatalogDatabase(this, "database", {
      name: props.databaseName,
      description: "orgtrail: this account's CloudTrail logs in the organization's log archive",
      provider,
    });
    fixedId(this.database, "cloudtrail");
    tag(this.database, tags);

    const location = `s3://${props.bucketName}/${accountLogFolder(props)}CloudTrail/`;
    const regions = isExpr(props.regions) ? toTemplate(reference(`join(",", ${toHcl(props.regions)})`)) : props.regions.join(",");
    this.table = new GlueCatalogTable(this, "table", {
      name: props.tableName,
      databaseName: ref(this.database, "name"),
      tableType: "EXTERNAL_TABLE",
      description: "orgtrail: CloudTrail records of this account, partitioned by region and day (projected)",
      parameters: projectionParameters(location, regions, props.projectionStartDate),
      partitionKeys: PARTITION_KEYS.map((k) => ({ ...k })),
      storageDescriptor: {
        location,
        inputFormat: CLOUDTRAIL_SERDE.inputFormat,
        outputFormat: CLOUDTRAIL_SERDE.outputFormat,
        serDeInfo: { serializationLibrary: CLOUDTRAIL_SERDE.serializationLibrary },
        columns: CLOUDTRAIL_COLUMNS.map((c) => ({ ...c })),
      },
      provider,
    });
    fixedId(this.table, "cloudtrail");

    this.workgroup = new AthenaWorkgroup(this, "workgroup", {
      name: props.workgroupName,
      description: "orgtrail: queries of this account's CloudTrail logs",
      state: "ENABLED",
      configuration: {
        // Queries cannot override the results location or its encryption.
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${props.resultsBucketName}/`,
          expectedBucketOwner: props.memberAccountId,
          encryptionConfiguration: { encryptionOption: "SSE_S3" },
        },
      },
      provider,
    });
    fixedId(this.workgroup, "cloudtrail");
    tag(this.workgroup, tags);

    this.policy = new IamPolicy(this, "policy", {
      name: props.policyName,
      description: "orgtrail: query this account's own CloudTrail logs with Athena",
      policy: renderPolicy(memberQueryPolicy(props)),
      provider,
    });
    fixedId(this.policy, "query_own_logs");
    addSizePrecondition(this.policy, { attribute: "policy", localName: "member_query_policy", name: QUERY_POLICY_NAME, kind: "managedPolicy", policy: this.policy.policyInput!, inline: true });
    tag(this.policy, tags);

    const attachment = new IamRolePolicyAttachment(this, "attachment", { role: toTemplate(each.value), policyArn: ref(this.policy, "arn"), provider });
    fixedId(attachment, "query_own_logs");
    forEach(attachment, isExpr(props.roleNames) ? toSet(props.roleNames) : Object.fromEntries(props.roleNames.map((r) => [r, r])));
  }
}
