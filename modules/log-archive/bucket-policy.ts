import { bucketArn, IAM_VARIABLES, SERVICE, trailArn } from "../shared/arns";
import { forEachOf, POLICY_VERSION, when, type PolicyDocument, type Statement } from "../shared/document";
import { and, isEmpty, not, type Value } from "../shared/value";
import type { TrailContext } from "../shared/trail-context";
import type { MemberAccessIntent } from "../member-access/narrowing";
import { memberCondition } from "../member-access/narrowing";

/**
 * The log archive bucket policy: CloudTrail's ACL check and writes (organization and management-account prefixes,
 * each bound to the trail by `aws:SourceArn`), each member account reading only its own folder, and a TLS-only deny.
 *
 * Deliberately absent: "deny unencrypted uploads" / "deny wrong KMS key" statements, which AWS documents as
 * preventing creation of an organization trail.
 */
export function logArchiveBucketPolicy(i: LogArchiveIntent): PolicyDocument {
  const bucket = bucketArn(i.partition, i.bucketName);
  const logs = `${bucket}/${i.keyPath}AWSLogs`;
  const sourceArn = { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) };
  const cloudTrail = { Service: SERVICE.cloudtrail };
  const write = (sid: string, folder: string): Statement => ({
    Sid: sid,
    Effect: "Allow",
    Principal: cloudTrail,
    Action: "s3:PutObject",
    Resource: `${logs}/${folder}/*`,
    Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", ...sourceArn } },
  });
  const ownFolder = `${i.keyPath}AWSLogs/${i.organizationId}/${IAM_VARIABLES.principalAccount}/`;
  const previous = i.previousKeyPaths ?? [];
  const previousOwnFolder = (kp: string) => `${kp}AWSLogs/${i.organizationId}/${IAM_VARIABLES.principalAccount}/*`;

  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "CloudTrailAclCheck",
        Effect: "Allow",
        Principal: cloudTrail,
        Action: "s3:GetBucketAcl",
        Resource: bucket,
        Condition: { StringEquals: sourceArn },
      },
      write("CloudTrailWriteOrganization", i.organizationId),
      write("CloudTrailWriteManagementAccount", i.managementAccountId),
      when(i.memberAccess.enabled, [
        {
          Sid: "MemberReadOwnLogs",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "s3:GetObject",
          Resource: `${bucket}/${ownFolder}*`,
          Condition: memberCondition(i.organizationId, i.memberAccess),
        },
        {
          Sid: "MemberListOwnLogs",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "s3:ListBucket",
          Resource: bucket,
          Condition: memberCondition(i.organizationId, i.memberAccess, { StringLike: { "s3:prefix": `${ownFolder}*` } }),
        },
        {
          // Athena (member-log-queries) asks where the bucket is before it reads a member's folder; the answer is
          // only the bucket's region.
          Sid: "MemberLocateBucket",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "s3:GetBucketLocation",
          Resource: bucket,
          Condition: memberCondition(i.organizationId, i.memberAccess),
        },
      ] satisfies Statement[]),
      // After the trail's prefix moved: the history under each earlier prefix, read the same way; CloudTrail writes
      // only under the current one (the statements above).
      when(and(i.memberAccess.enabled, not(isEmpty(previous))), [
        {
          Sid: "MemberReadOwnLogsPreviousPrefixes",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "s3:GetObject",
          Resource: forEachOf(previous, (kp) => `${bucket}/${previousOwnFolder(kp)}`, "key_path"),
          Condition: memberCondition(i.organizationId, i.memberAccess),
        },
        {
          Sid: "MemberListOwnLogsPreviousPrefixes",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "s3:ListBucket",
          Resource: bucket,
          Condition: memberCondition(i.organizationId, i.memberAccess, { StringLike: { "s3:prefix": forEachOf(previous, previousOwnFolder, "key_path") } }),
        },
      ] satisfies Statement[]),
      denyInsecureTransport(bucket),
    ],
  };
}

/** CIS 2.1.1 / AVD-AWS-0094-style TLS-only deny for a bucket and its objects. */
export function denyInsecureTransport(bucket: string): Statement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: "s3:*",
    Resource: [bucket, `${bucket}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

export interface LogArchiveIntent extends TrailContext {
  readonly bucketName: string;
  /** The key path before `AWSLogs/`: `""` or `"<prefix>/"` (see `keyPath`). */
  readonly keyPath: string;
  /** Key paths the trail wrote to before (`""` or `"<prefix>/"`): readable, never written. */
  readonly previousKeyPaths?: Value<readonly string[]>;
  readonly memberAccess: MemberAccessIntent;
}
