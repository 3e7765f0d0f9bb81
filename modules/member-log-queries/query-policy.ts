import { bucketArn } from "../shared/arns";
import { POLICY_VERSION, type PolicyDocument } from "../shared/document";
import { decryptLogsThroughS3 } from "../member-reader-roles/reader-policies";

/** What a member account's query principals may touch: its own log folder, its catalog, workgroup and results bucket. */
export interface MemberQueryIntent {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  /** The trail's home region: the log archive, and the member's Glue catalog and Athena workgroup. */
  readonly homeRegion: string;
  readonly bucketName: string;
  /** `""` or `"<prefix>/"`. */
  readonly keyPath: string;
  /** The trail key, or a pattern of the log-archive account's keys when it is not known at plan time. */
  readonly kmsKeyArn: string;
  readonly memberAccountId: string;
  readonly databaseName: string;
  readonly tableName: string;
  readonly workgroupName: string;
  readonly resultsBucketName: string;
}

export const accountLogFolder = (i: Pick<MemberQueryIntent, "keyPath" | "organizationId" | "memberAccountId">): string => `${i.keyPath}AWSLogs/${i.organizationId}/${i.memberAccountId}/`;

const glueArn = (i: MemberQueryIntent, resource: string) => `arn:${i.partition}:glue:${i.homeRegion}:${i.memberAccountId}:${resource}`;
export const workgroupArn = (i: MemberQueryIntent): string => `arn:${i.partition}:athena:${i.homeRegion}:${i.memberAccountId}:workgroup/${i.workgroupName}`;

/**
 * The identity policy of a member account's query principals (Athena reading the log archive across accounts,
 * design.md §7): the account's own folder of the archive (objects, listing inside it, the bucket's location), the
 * trail key through S3 only, its workgroup and its Glue database and table only, and its results bucket. The bucket
 * policy grants the same reads to every organization principal for its own account's folder, so the two together
 * allow exactly that folder.
 */
export function memberQueryPolicy(i: MemberQueryIntent): PolicyDocument {
  const logs = bucketArn(i.partition, i.bucketName);
  const folder = accountLogFolder(i);
  const results = bucketArn(i.partition, i.resultsBucketName);
  return {
    Version: POLICY_VERSION,
    Statement: [
      { Sid: "ReadOwnLogs", Effect: "Allow", Action: "s3:GetObject", Resource: `${logs}/${folder}*` },
      { Sid: "ListOwnLogs", Effect: "Allow", Action: "s3:ListBucket", Resource: logs, Condition: { StringLike: { "s3:prefix": `${folder}*` } } },
      // Athena asks where a bucket is before it reads it.
      { Sid: "LocateLogArchive", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: logs },
      decryptLogsThroughS3(i),
      {
        Sid: "QueryInOwnWorkgroup",
        Effect: "Allow",
        Action: [
          "athena:StartQueryExecution",
          "athena:StopQueryExecution",
          "athena:GetQueryExecution",
          "athena:GetQueryResults",
          "athena:GetQueryResultsStream",
          "athena:GetQueryRuntimeStatistics",
          "athena:BatchGetQueryExecution",
          "athena:ListQueryExecutions",
          "athena:GetWorkGroup",
        ],
        Resource: workgroupArn(i),
      },
      {
        Sid: "ReadOwnLogTable",
        Effect: "Allow",
        Action: ["glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"],
        Resource: [glueArn(i, "catalog"), glueArn(i, `database/${i.databaseName}`), glueArn(i, `table/${i.databaseName}/${i.tableName}`)],
      },
      { Sid: "LocateQueryResults", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: results },
      { Sid: "WriteQueryResults", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"], Resource: `${results}/*` },
    ],
  };
}
