import { dnsSuffix } from "../shared/arns";

export { dnsSuffix };
/** ARNs and service principals of the trail's delivery targets, built from inputs (known at plan time). */

/** A log group's ARN as IAM and the KMS encryption context name it (no trailing `:*`). */
export const logGroupArn = (partition: string, region: string, accountId: string, name: string): string =>
  `arn:${partition}:logs:${region}:${accountId}:log-group:${name}`;

/** Every stream of a log group: what the delivery role may write to. */
export const logStreamsArn = (groupArn: string): string => `${groupArn}:log-stream:*`;

export const roleArn = (partition: string, accountId: string, name: string): string => `arn:${partition}:iam::${accountId}:role/${name}`;

export const snsTopicArn = (partition: string, region: string, accountId: string, name: string): string =>
  `arn:${partition}:sns:${region}:${accountId}:${name}`;

/** CloudWatch Logs' regional service principal, which uses the key of an encrypted log group. */
export const logsServicePrincipal = (region: string, partition: string): string => `logs.${region}.${dnsSuffix(partition)}`;
