import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const LOG_ARCHIVE_DEFAULTS = {
  objectOwnership: "BucketOwnerEnforced",
  transitionDays: 90,
  transitionStorageClass: "GLACIER_IR",
  expirationDays: 2557,
  noncurrentVersionExpirationDays: 90,
  abortIncompleteMultipartUploadDays: 7,
  accessLogExpirationDays: 365,
  objectLockMode: "GOVERNANCE",
} as const;

const D = LOG_ARCHIVE_DEFAULTS;

const lifecycle = z.strictObject({
  transitionDays: ruled("days").default(D.transitionDays).describe("Days before log objects move to transitionStorageClass."),
  transitionStorageClass: ruled("storageClass").default(D.transitionStorageClass).describe("The colder storage class."),
  expirationDays: ruled("days").default(D.expirationDays).describe("Days before log objects expire."),
  noncurrentVersionExpirationDays: ruled("days").default(D.noncurrentVersionExpirationDays).describe("Days before noncurrent object versions are removed."),
  abortIncompleteMultipartUploadDays: ruled("days").default(D.abortIncompleteMultipartUploadDays).describe("Days before incomplete multipart uploads are aborted."),
});

const objectLock = z.strictObject({
  mode: ruled("objectLockMode").default(D.objectLockMode).describe("GOVERNANCE or COMPLIANCE."),
  retentionDays: ruled("days").describe("Default retention of every log object, in days."),
});

const accessLogs = z.strictObject({
  enabled: z.boolean().default(true).describe("Create a separate bucket for S3 server access logs of the log archive bucket."),
  bucketName: ruled("bucketName").optional().describe("Default: <logArchive.bucketName>-access-logs."),
  expirationDays: ruled("days").default(D.accessLogExpirationDays).describe("Days before access log objects expire."),
});

/** The `logArchive` section: the central bucket, its lifecycle, Object Lock and access logs. */
export const logArchiveSections = {
  logArchive: z.strictObject({
    accountId: ruled("accountId").optional().describe("Account that owns the bucket and key. Default: the management account."),
    bucketName: ruled("bucketName").describe("Name of the central CloudTrail bucket."),
    keyPrefix: ruled("keyPrefix").optional().describe("S3 key prefix under which CloudTrail writes AWSLogs/."),
    previousKeyPrefixes: z
      .array(ruled("previousKeyPrefix"))
      .default([])
      .describe("Key prefixes the trail wrote to before keyPrefix (\"\" for none): members, reader roles and third parties keep reading their history there; CloudTrail writes only to keyPrefix."),
    objectOwnership: ruled("objectOwnership").default(D.objectOwnership),
    lifecycle: lifecycle.prefault({}),
    objectLock: objectLock.optional().describe("Object Lock default retention; can be turned on for an existing bucket (in place, no new bucket)."),
    accessLogs: accessLogs.prefault({}),
  }),
};
