import { bucketArn, SERVICE } from "../shared/arns";
import { POLICY_VERSION, type PolicyDocument } from "../shared/document";
import { denyInsecureTransport } from "./bucket-policy";

/** The access-log bucket: S3 server access logging writes, bound to the source bucket and its account; TLS only. */
export function accessLogBucketPolicy(i: AccessLogBucketIntent): PolicyDocument {
  const bucket = bucketArn(i.partition, i.accessLogBucketName);
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "S3ServerAccessLogsWrite",
        Effect: "Allow",
        Principal: { Service: SERVICE.s3Logging },
        Action: "s3:PutObject",
        Resource: `${bucket}/${i.targetPrefix}*`,
        Condition: {
          StringEquals: { "aws:SourceAccount": i.sourceAccountId },
          ArnLike: { "aws:SourceArn": bucketArn(i.partition, i.sourceBucketName) },
        },
      },
      denyInsecureTransport(bucket),
    ],
  };
}

export interface AccessLogBucketIntent {
  readonly partition: string;
  readonly accessLogBucketName: string;
  readonly sourceBucketName: string;
  readonly sourceAccountId: string;
  /** The key prefix the source bucket's logging writes under, e.g. `<bucket>/`. */
  readonly targetPrefix: string;
}
