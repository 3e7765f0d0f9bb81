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

/** Rules that relate settings to each other (schema.ts crossFieldRules and cross-field.ts), with their sources. */
export const CROSS_FIELD_SOURCES: readonly { readonly rule: string; readonly source: string }[] = [
  { rule: "organization.partition matches the home region (aws-cn for cn-*, aws-us-gov for us-gov-*, else aws)", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "organization.homeRegion is not in an ISO partition", source: "orgtrail supports the aws, aws-cn and aws-us-gov partitions only" },
  { rule: "lifecycle.expirationDays is greater than lifecycle.transitionDays", source: "Amazon S3 User Guide, 'Setting lifecycle configuration on a bucket' (an expiration before the transition makes the transition pointless; S3 rejects equal days)" },
  { rule: "lifecycle.transitionDays is at least 30 for STANDARD_IA and ONEZONE_IA", source: "Amazon S3 User Guide, 'Transitioning objects using Amazon S3 Lifecycle' (minimum 30 days before an IA transition)" },
  { rule: "lifecycle.expirationDays is not shorter than objectLock.retentionDays", source: "Amazon S3 User Guide, 'Locking objects with Object Lock' (a locked version cannot be deleted before its retention ends)" },
  { rule: "Object Lock needs versioning: met by construction, the archive bucket is always versioned", source: "Amazon S3 User Guide, 'Locking objects with Object Lock'" },
  { rule: "accessLogs.bucketName differs from logArchive.bucketName", source: "Amazon S3 User Guide, 'Logging requests with server access logging' (do not log a bucket into itself)" },
  { rule: "the default access-log bucket name (<bucketName>-access-logs) fits 63 characters, else accessLogs.bucketName must be set", source: "Amazon S3 User Guide, 'General purpose bucket naming rules'" },
  { rule: "encryption.kmsKey is in the home region", source: "AWS CloudTrail User Guide, 'Encrypting CloudTrail log files with AWS KMS keys' (the key must be in the same region as the bucket)" },
  { rule: "encryption.kmsKey is in the organization's partition", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "memberAccess.principalArnPattern is in the organization's partition", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "memberAccess.enabled is true when principalArnPattern or principalTag narrows it", source: "orgtrail: narrowing applies to member access only" },
  { rule: "tags has at most 50 entries", source: "Tagging AWS Resources User Guide, 'Tag naming limits and requirements' (50 user tags per resource)" },
  { rule: "memberRoles: each account ID once; role names unique ignoring case", source: "IAM User Guide, 'IAM object quotas and names' (role names are unique per account, case-insensitively)" },
  { rule: "thirdPartyReaders: names unique; each accounts entry once; accountId is neither the management nor the log-archive account; an account is in no more than one list (memberRoles or thirdPartyReaders)", source: "IAM User Guide, 'Access to AWS accounts owned by third parties' (a third party is outside your accounts)" },
  { rule: "trailGuardrail.targetIds: each target once", source: "AWS Organizations API Reference, 'AttachPolicy' (DuplicatePolicyAttachmentException)" },
  // operations-checks.ts
  { rule: "organization.trailAdminAccountId differs from managementAccountId", source: "AWS CloudTrail User Guide, 'Organization delegated administrator' (the management account cannot be its own delegated administrator)" },
  { rule: "deployment.accounts.trailAdmin only with organization.trailAdminAccountId; deployment.accounts.logArchive only with a separate log-archive account", source: "orgtrail: no provider would use the settings" },
  { rule: "deployment.accounts.*.assumeRoleArn is set when externalId or sessionName is, and is in the organization's partition", source: "Terraform AWS provider documentation, 'assume_role' configuration block" },
  { rule: "trail.cloudWatchLogs.roleName is set when the default <trail.name>-cloudwatch-logs exceeds 64 characters", source: "IAM API Reference, 'CreateRole', RoleName" },
  { rule: "trail.cloudWatchLogs.kmsKey and trail.snsTopic.kmsKey are in the home region", source: "Amazon CloudWatch Logs User Guide, 'Encrypt log data in CloudWatch Logs using AWS Key Management Service'; Amazon SNS Developer Guide, 'Encryption at rest'" },
  { rule: "trail.managementEvents.enabled is true unless dataEvents selects something; excludeEventSources and insights repeat no value", source: "AWS CloudTrail User Guide, 'Logging management events' and 'Logging data events'" },
  { rule: "trail.dataEvents.lambdaFunctionArns are in the organization's partition", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "the event selectors hold at most 500 values", source: "AWS CloudTrail User Guide, 'Quotas in AWS CloudTrail' (advanced event selectors)" },
  { rule: "trail.insights: ApiCallRateInsight needs write management events, ApiErrorRateInsight management events", source: "AWS CloudTrail User Guide, 'Working with CloudTrail Insights'" },
  { rule: "deployment.backend.encrypt is true when kmsKeyId is set", source: "Terraform documentation, 'Backend Type: s3' (kms_key_id)" },
];
