import { bucketArn, SERVICE } from "../shared/arns";
import { POLICY_VERSION, type PolicyDocument } from "../shared/document";
import type { AccessLogBucketIntent } from "../shared/intent";
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
