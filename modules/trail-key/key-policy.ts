import { accountRootArn, s3ViaService, SERVICE, trailArn, trailEncryptionContextPattern } from "../shared/arns";
import { POLICY_VERSION, when, type PolicyDocument, type Statement } from "../shared/document";
import type { TrailContext } from "../shared/trail-context";
import type { MemberAccessIntent } from "../member-access/narrowing";
import type { KeyDeliveryIntent } from "../trail-delivery/delivery-intent";
import { memberCondition } from "../member-access/narrowing";
import { deliveryKeyStatements } from "../trail-delivery/key-statements";

const CLOUDTRAIL_CONTEXT = "kms:EncryptionContext:aws:cloudtrail:arn";

/**
 * The trail key's policy. The encryption context names the trail, not the member account, so KMS cannot keep one
 * member from decrypting another's file: isolation between members rests on the bucket policy's S3 prefix.
 */
export function trailKeyPolicy(i: KeyPolicyIntent): PolicyDocument {
  const sourceArn = { "aws:SourceArn": trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName) };
  const trailContext = { [CLOUDTRAIL_CONTEXT]: trailEncryptionContextPattern(i.partition, i.managementAccountId) };
  const cloudTrail = { Service: SERVICE.cloudtrail };

  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        // Without it identity policies in the key's account grant nothing and the key can become unmanageable.
        Sid: "KeyAdministration",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(i.partition, i.keyAccountId) },
        Action: "kms:*",
        Resource: "*",
      },
      {
        Sid: "CloudTrailEncryptLogs",
        Effect: "Allow",
        Principal: cloudTrail,
        Action: "kms:GenerateDataKey*",
        Resource: "*",
        Condition: { StringEquals: sourceArn, StringLike: trailContext },
      },
      {
        Sid: "CloudTrailDescribeKey",
        Effect: "Allow",
        Principal: cloudTrail,
        Action: "kms:DescribeKey",
        Resource: "*",
        Condition: { StringEquals: sourceArn },
      },
      {
        // AWS requires kms:Decrypt to create or update a trail whose bucket uses an S3 Bucket Key; the console's
        // default key policy grants the trail owner's account this under the CloudTrail encryption context.
        Sid: "TrailOwnerDecrypt",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(i.partition, i.managementAccountId) },
        Action: "kms:Decrypt",
        Resource: "*",
        Condition: { StringLike: trailContext },
      },
      when(i.memberAccess.enabled, [
        {
          Sid: "MemberDecryptLogsThroughS3",
          Effect: "Allow",
          Principal: { AWS: "*" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: memberCondition(i.organizationId, i.memberAccess, {
            StringEquals: { "kms:ViaService": s3ViaService(i.homeRegion, i.partition) },
            StringLike: trailContext,
          }),
        },
      ] satisfies Statement[]),
      ...deliveryKeyStatements(i),
    ],
  };
}

export interface KeyPolicyIntent extends TrailContext {
  /** The account that owns the key (the log-archive account). */
  readonly keyAccountId: string;
  readonly memberAccess: MemberAccessIntent;
  /** Delivery targets that use the trail key (CloudWatch Logs, SNS) and the delegated administrator. */
  readonly delivery?: KeyDeliveryIntent;
}
