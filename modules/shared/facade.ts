/**
 * The one place that imports cdktf and the AWS provider classes.
 *
 * cdktf 0.21.0 is the final release; CDK Terrain is an API-compatible fork under other package names. Keeping
 * every import here makes a switch a rename in this file. Provider classes come from their submodules only: the
 * package root loads ~2,200 namespaces (+1.8 s, +480 MB per process).
 */
export {
  App,
  Fn,
  LocalBackend,
  TerraformLocal,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
  Tokenization,
  DefaultTokenResolver,
  StringConcat,
} from "cdktf";
export type { ITerraformDependable, TerraformVariableValidationConfig } from "cdktf";
export { Construct } from "constructs";

export { AwsProvider } from "@cdktf/provider-aws/lib/provider";
export { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
export { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
export { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
export { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
export { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
export { S3BucketLoggingA as S3BucketLogging } from "@cdktf/provider-aws/lib/s3-bucket-logging";
export { S3BucketObjectLockConfigurationA as S3BucketObjectLockConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
export { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
export { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
export { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
export { S3BucketServerSideEncryptionConfigurationA as S3BucketServerSideEncryptionConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
export { S3BucketVersioningA as S3BucketVersioning } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
export { CloudtrailOrganizationDelegatedAdminAccount } from "@cdktf/provider-aws/lib/cloudtrail-organization-delegated-admin-account";
export { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
export { IamRole } from "@cdktf/provider-aws/lib/iam-role";
export { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
export { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
export { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
export { S3Backend } from "cdktf";
export { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
export { OrganizationsPolicy } from "@cdktf/provider-aws/lib/organizations-policy";
export { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
export { CloudwatchLogMetricFilter } from "@cdktf/provider-aws/lib/cloudwatch-log-metric-filter";
export { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
export { GlueCatalogDatabase } from "@cdktf/provider-aws/lib/glue-catalog-database";
export { GlueCatalogTable } from "@cdktf/provider-aws/lib/glue-catalog-table";
export { AthenaWorkgroup } from "@cdktf/provider-aws/lib/athena-workgroup";
export { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
