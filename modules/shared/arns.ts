import { eq, fromTemplate, ifElse, toTemplate } from "./value";

/** ARNs built from inputs, so every policy is known at plan time. Inputs may be literals or references. */

export const bucketArn = (partition: string, bucket: string): string => `arn:${partition}:s3:::${bucket}`;

export const accountRootArn = (partition: string, accountId: string): string => `arn:${partition}:iam::${accountId}:root`;

/** The organization trail's ARN: always the management account's, also when a delegated administrator creates it. */
export const trailArn = (partition: string, homeRegion: string, managementAccountId: string, trailName: string): string =>
  `arn:${partition}:cloudtrail:${homeRegion}:${managementAccountId}:trail/${trailName}`;

/** The CloudTrail encryption context of every trail of the management account, in any region. */
export const trailEncryptionContextPattern = (partition: string, managementAccountId: string): string =>
  `arn:${partition}:cloudtrail:*:${managementAccountId}:trail/*`;

/** The key path before `AWSLogs/`: empty, or the prefix and a slash. */
export const keyPath = (keyPrefix: string | undefined): string => (keyPrefix ? `${keyPrefix}/` : "");

/** IAM policy variables, substituted by AWS at request time (only under Version 2012-10-17). */
export const IAM_VARIABLES = {
  principalAccount: "${aws:PrincipalAccount}",
} as const;

export const SERVICE = {
  cloudtrail: "cloudtrail.amazonaws.com",
  s3Logging: "logging.s3.amazonaws.com",
} as const;

/**
 * The AWS DNS suffix of a partition. A Terraform reference (vendorable modules) becomes a conditional that
 * Terraform decides at plan time.
 */
export function dnsSuffix(partition: string): string {
  return toTemplate(ifElse(eq(fromTemplate(partition), "aws-cn"), "amazonaws.com.cn", "amazonaws.com"));
}

/** The S3 endpoint through which members decrypt: the `kms:ViaService` value for the home region. */
export const s3ViaService = (region: string, partition: string): string => `s3.${region}.${dnsSuffix(partition)}`;
