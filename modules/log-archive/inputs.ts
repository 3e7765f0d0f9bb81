import { ORGANIZATION_DEFAULTS } from "../organization/config";
import { TRAIL_KEY_DEFAULTS } from "../trail-key/config";
import { KEY_DELIVERY_VARIABLES } from "../trail-delivery/key-inputs";
import { LOG_ARCHIVE_DEFAULTS } from "./config";
import type { VariableSpec } from "../shared/inputs";
import { PREVIOUS_KEY_PREFIXES } from "../organization/variables";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
const DEFAULTS = { ...ORGANIZATION_DEFAULTS, ...LOG_ARCHIVE_DEFAULTS, ...TRAIL_KEY_DEFAULTS };
const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };

export const LOG_ARCHIVE_VARIABLES: readonly VariableSpec[] = [
  { name: "organization_id", config: "organization.id", example: true, type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx); member read access and KMS decrypt require aws:PrincipalOrgID to equal it." },
  { name: "management_account_id", config: "organization.managementAccountId", example: true, type: "string", rules: "accountId", description: "Management account ID: owner of the organization trail, whose ARN every CloudTrail write is bound to." },
  { name: "log_archive_account_id", config: "logArchive.accountId", fromConfig: (c) => c.logArchive.accountId ?? c.organization.managementAccountId, example: true, type: "string", rules: "accountId", description: "Account in which this module creates the bucket and key (the provider's account); administers the key." },
  { name: "partition", config: "organization.partition", type: "string", default: DEFAULTS.partition, rules: "partition", description: "AWS partition of every ARN." },
  { name: "trail_name", config: "trail.name", example: true, type: "string", rules: "trailName", description: "Name of the organization trail that writes here." },
  { name: "trail_home_region", config: "organization.homeRegion", example: true, type: "string", rules: "region", description: "Home region of the trail; the bucket and key must be in it too." },
  { name: "bucket_name", config: "logArchive.bucketName", example: true, type: "string", rules: "bucketName", description: "Name of the central CloudTrail log archive bucket." },
  { name: "s3_key_prefix", config: "logArchive.keyPrefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix under which CloudTrail writes AWSLogs/ (no leading or trailing slash); null for none." },
  PREVIOUS_KEY_PREFIXES,
  { name: "object_ownership", config: "logArchive.objectOwnership", type: "string", default: DEFAULTS.objectOwnership, rules: "objectOwnership", description: "S3 Object Ownership: BucketOwnerEnforced (ACLs disabled) or BucketOwnerPreferred." },
  { name: "member_read_access", config: "memberAccess.enabled", type: "bool", default: true, description: "Let each member account of the organization read (GetObject, prefix-scoped ListBucket, KMS Decrypt through S3) only its own logs." },
  { name: "member_principal_arn_pattern", config: "memberAccess.principalArnPattern", type: "string", default: null, rules: "principalArnPattern", description: "Only member principals whose ARN matches this pattern may read, e.g. arn:aws:iam::*:role/LogReader; null for any." },
  { name: "member_principal_tag", config: "memberAccess.principalTag", type: "object({ key = string, value = string })", default: null, description: "Only member principals carrying this tag may read; null for any." },
  { name: "kms_key_arn", config: "encryption.kmsKey", fromConfig: (c) => (c.encryption.kmsKey === "create" ? null : c.encryption.kmsKey), type: "string", default: null, rules: "kmsKeyArn", description: "ARN of an existing KMS key to use; null creates a key with the policy this module documents." },
  { name: "kms_alias_name", config: "encryption.aliasName", type: "string", default: DEFAULTS.kmsAlias, rules: "kmsAlias", description: "Alias of the created key." },
  { name: "kms_deletion_window_days", config: "encryption.deletionWindowDays", type: "number", default: DEFAULTS.deletionWindowDays, rules: "deletionWindowDays", description: "Waiting period before the created key is deleted." },
  { name: "lifecycle_transition_days", config: "logArchive.lifecycle.transitionDays", type: "number", default: DEFAULTS.transitionDays, rules: "days", description: "Days before log objects move to lifecycle_transition_storage_class." },
  { name: "lifecycle_transition_storage_class", config: "logArchive.lifecycle.transitionStorageClass", type: "string", default: DEFAULTS.transitionStorageClass, rules: "storageClass", description: "Storage class log objects move to." },
  { name: "lifecycle_expiration_days", config: "logArchive.lifecycle.expirationDays", type: "number", default: DEFAULTS.expirationDays, rules: "days", description: "Days before log objects expire; not shorter than the Object Lock retention." },
  { name: "noncurrent_version_expiration_days", config: "logArchive.lifecycle.noncurrentVersionExpirationDays", type: "number", default: DEFAULTS.noncurrentVersionExpirationDays, rules: "days", description: "Days before noncurrent object versions are removed." },
  { name: "abort_incomplete_multipart_upload_days", config: "logArchive.lifecycle.abortIncompleteMultipartUploadDays", type: "number", default: DEFAULTS.abortIncompleteMultipartUploadDays, rules: "days", description: "Days before incomplete multipart uploads are aborted." },
  { name: "object_lock_mode", config: "logArchive.objectLock.mode", type: "string", default: null, rules: "objectLockMode", description: "GOVERNANCE or COMPLIANCE to enable Object Lock with a default retention (also on an existing bucket, in place: versioning is on); null for none." },
  { name: "object_lock_retention_days", config: "logArchive.objectLock.retentionDays", type: "number", default: 365, rules: "days", description: "Default Object Lock retention in days, when object_lock_mode is set." },
  { name: "create_access_log_bucket", config: "logArchive.accessLogs.enabled", type: "bool", default: true, description: "Create a separate bucket for the archive bucket's S3 server access logs (CIS 3.4 / CKV_AWS_18)." },
  { name: "access_log_bucket_name", config: "logArchive.accessLogs.bucketName", type: "string", default: null, rules: "bucketName", description: "Name of the access-log bucket; null for <bucket_name>-access-logs." },
  { name: "access_log_expiration_days", config: "logArchive.accessLogs.expirationDays", type: "number", default: DEFAULTS.accessLogExpirationDays, rules: "days", description: "Days before access log objects expire." },
  ...KEY_DELIVERY_VARIABLES,
  TAGS,
];
