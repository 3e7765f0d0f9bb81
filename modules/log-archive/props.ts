import type { Construct } from "../shared/facade";
import { local } from "../shared/locals";
import type { Inputs } from "../shared/inputs";
import { coalesce, ifElse, isNull, notNull, toTemplate } from "../shared/value";
import { keyDeliveryFromInputs } from "../trail-delivery/key-inputs";
import type { LogArchiveProps } from "./log-archive";
import { previousKeyPaths } from "../organization/variables";

/**
 * The log archive's props from the module's inputs: literal in the deploy stack (`literalInputs` of a config),
 * `var.*` in the vendorable module. One function, so the two cannot build the archive differently.
 */
export function logArchiveProps(scope: Construct, v: Inputs): LogArchiveProps {
  // The key path before AWSLogs/, named once in a module so policies and outputs read `${local.logs_key_path}AWSLogs/...`.
  const keyPath = toTemplate(local(scope, "logs_key_path", ifElse(isNull(v.value("s3_key_prefix")), "", `${v.s("s3_key_prefix")}/`)));
  return {
    partition: v.s("partition"),
    organizationId: v.s("organization_id"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    trailName: v.s("trail_name"),
    logArchiveAccountId: v.s("log_archive_account_id"),
    bucketName: v.s("bucket_name"),
    keyPath,
    previousKeyPaths: previousKeyPaths(v),
    objectOwnership: v.s("object_ownership"),
    lifecycle: {
      transitionDays: v.n("lifecycle_transition_days"),
      transitionStorageClass: v.s("lifecycle_transition_storage_class"),
      expirationDays: v.n("lifecycle_expiration_days"),
      noncurrentVersionExpirationDays: v.n("noncurrent_version_expiration_days"),
      abortIncompleteMultipartUploadDays: v.n("abort_incomplete_multipart_upload_days"),
    },
    objectLock: { enabled: notNull(v.value("object_lock_mode")), mode: v.s("object_lock_mode"), retentionDays: v.n("object_lock_retention_days") },
    accessLogs: { enabled: v.value("create_access_log_bucket"), bucketName: toTemplate(accessLogBucketName(v)), expirationDays: v.n("access_log_expiration_days") },
    key: {
      create: isNull(v.value("kms_key_arn")),
      existingKeyArn: v.s("kms_key_arn"),
      aliasName: v.s("kms_alias_name"),
      deletionWindowDays: v.n("kms_deletion_window_days"),
    },
    memberAccess: {
      enabled: v.value("member_read_access"),
      principalArnPattern: v.value("member_principal_arn_pattern"),
      principalTag: v.value("member_principal_tag"),
    },
    delivery: keyDeliveryFromInputs(v),
    tags: v.value("tags"),
  };
}

/** The access-log bucket: its own name, or `<bucket_name>-access-logs`. */
export const accessLogBucketName = (v: Inputs) => coalesce(v.value("access_log_bucket_name"), `${v.s("bucket_name")}-access-logs`);
