import type { OperationsRuleName } from "./operations-rules";
import type { AdviceName, RuleName } from "./rules";

/**
 * Where each rule comes from. Typed by rule name, so a rule set cannot be added without naming its source.
 * AWS document names are given as they are titled, so they can be looked up.
 */
export const RULE_SOURCES: Record<RuleName, string> = {
  accountId: "AWS Account Management Reference Guide, 'View AWS account identifiers': the account ID is a 12-digit number",
  organizationId: "AWS Organizations API Reference, 'Organization' data type: Id pattern ^o-[a-z0-9]{10,32}$",
  region: "AWS General Reference, 'AWS Regions and endpoints': region codes such as us-east-1, us-gov-west-1, cn-north-1",
  partition: "AWS General Reference, 'Amazon Resource Names (ARNs)': partitions aws, aws-cn, aws-us-gov (the ISO partitions are not supported)",
  bucketName: "Amazon S3 User Guide, 'General purpose bucket naming rules': length, characters, first/last character, no '..', not an IP address, reserved prefixes and suffixes; '.-'/'-.' from the DNS label rules the same guide requires for virtual-hosted-style access",
  trailName: "AWS CloudTrail API Reference, 'CreateTrail', Name: 3-128 characters, letters, digits, '.', '_', '-', begin and end with a letter or digit, no adjacent '.', '_', '-', not an IP address",
  keyPrefix: "AWS CloudTrail API Reference, 'CreateTrail', S3KeyPrefix: at most 200 characters; Amazon S3 User Guide, 'Naming Amazon S3 objects': safe characters; AWS CloudTrail User Guide, 'Finding your CloudTrail log files': CloudTrail adds '/AWSLogs/' itself",
  kmsAlias: "AWS KMS API Reference, 'CreateAlias', AliasName: 1-256 characters, ^alias/[a-zA-Z0-9/_-]+$, the alias/aws/ prefix is reserved for AWS managed keys",
  kmsKeyArn: "AWS KMS Developer Guide, 'Key identifiers (KeyId)': key ARN format; AWS CloudTrail User Guide, 'Configure AWS KMS key policies for CloudTrail': a customer managed key (aws/s3 cannot be shared across accounts)",
  principalArnPattern: "IAM User Guide, 'IAM identifiers' (ARN formats) and 'AWS global condition context keys', aws:PrincipalArn",
  tagKey: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements': key 1-128 characters, letters, digits, spaces and _ . : / = + - @, the aws: prefix is reserved",
  tagValue: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements': value 0-256 characters, letters, digits, spaces and _ . : / = + - @",
  objectOwnership: "Amazon S3 API Reference, 'OwnershipControlsRule', ObjectOwnership (ObjectWriter is left out: it keeps ACLs, which orgtrail never relies on)",
  objectLockMode: "Amazon S3 API Reference, 'DefaultRetention', Mode: GOVERNANCE or COMPLIANCE",
  storageClass: "Amazon S3 API Reference, 'Transition', StorageClass (STANDARD is left out: moving there is no transition)",
  days: "Amazon S3 API Reference, 'LifecycleExpiration' / 'Transition' / 'DefaultRetention', Days: a positive whole number; orgtrail's upper bound of 36,500 (100 years) catches typos",
  deletionWindowDays: "AWS KMS API Reference, 'ScheduleKeyDeletion', PendingWindowInDays: 7-30",
  externalId: "AWS STS API Reference, 'AssumeRole', ExternalId: 2-1,224 characters matching [\\w+=,.@:/-]",
  roleName: "IAM API Reference, 'CreateRole', RoleName: 1-64 characters matching [\\w+=,.@-]",
  sessionDurationSeconds: "IAM API Reference, 'CreateRole', MaxSessionDuration: 3,600-43,200 seconds",
  policyTargetId: "AWS Organizations API Reference, 'AttachPolicy', TargetId: a root (r-…), an OU (ou-…-…) or an account ID",
};

/** The rule sets of the settings that operate the trail (operations-rules.ts). */
export const OPERATIONS_RULE_SOURCES: Record<OperationsRuleName, string> = {
  logGroupName: "Amazon CloudWatch Logs API Reference, 'CreateLogGroup', logGroupName: 1-512 characters of [.-_/#A-Za-z0-9]",
  logRetentionDays: "Amazon CloudWatch Logs API Reference, 'PutRetentionPolicy', retentionInDays: one of the listed values",
  iamRoleName: "IAM API Reference, 'CreateRole', RoleName: 1-64 characters matching [\\w+=,.@-]",
  snsTopicName: "Amazon SNS API Reference, 'CreateTopic', Name: 1-256 letters, digits, hyphens and underscores",
  readWriteType: "AWS CloudTrail API Reference, 'EventSelector', ReadWriteType: All, ReadOnly, WriteOnly",
  excludableEventSource: "AWS CloudTrail User Guide, 'Logging management events': AWS KMS and Amazon RDS Data API events can be excluded",
  insightType: "AWS CloudTrail API Reference, 'InsightSelector', InsightType: ApiCallRateInsight, ApiErrorRateInsight",
  dataEventPrefix: "AWS CloudTrail API Reference, 'AdvancedFieldSelector', StartsWith: matched as a literal ARN prefix (no wildcards)",
  lambdaFunctionArn: "AWS Lambda API Reference, 'GetFunction', FunctionArn pattern (name 1-64 characters, optional qualifier)",
  iamRoleArn: "IAM User Guide, 'IAM identifiers': arn:<partition>:iam::<account>:role/<path><name>",
  externalId: "AWS STS API Reference, 'AssumeRole', ExternalId: 2-1,224 characters matching [\\w+=,.@:/-]",
  sessionName: "AWS STS API Reference, 'AssumeRole', RoleSessionName: 2-64 characters matching [\\w+=,.@-]",
  profileName: "AWS Command Line Interface User Guide, 'Configuration and credential file settings' (named profiles); orgtrail accepts a safe subset of characters",
  logGroupArn: "AWS CloudTrail API Reference, 'CreateTrail', CloudWatchLogsLogGroupArn: a log group ARN",
  snsTopicArn: "Amazon SNS Developer Guide, 'Amazon SNS topic ARN' format",
  stateKey: "Terraform documentation, 'Backend Type: s3', key; Amazon S3 User Guide, 'Naming Amazon S3 objects'",
};

export const ADVICE_SOURCES: Record<AdviceName, string> = {
  bucketName: "Amazon S3 User Guide, 'General purpose bucket naming rules' (avoid periods except for static website hosting) and 'Configuring fast, secure file transfers using Amazon S3 Transfer Acceleration' (names must not contain periods)",
  region: "AWS General Reference, 'AWS Regions and endpoints': the regions launched when orgtrail's list was written",
};
