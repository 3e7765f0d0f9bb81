import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";

/** Lifecycle rules judge only day counts that are valid on their own: a malformed one gets one message, not two. */
const validDays = (...values: number[]) => values.every((v) => follows("days", v));

export const LOG_ARCHIVE_RULES: readonly CrossFieldRule[] = [
  {
    rule: "logArchive.previousKeyPrefixes does not list the current keyPrefix",
    source: "orgtrail: a previous prefix is where the history stays after the trail moved; the current one is granted already",
    check: (c, report) => {
      const current = c.logArchive.keyPrefix ?? "";
      const i = c.logArchive.previousKeyPrefixes.indexOf(current);
      if (i >= 0) report(["logArchive", "previousKeyPrefixes", i], current, `must not be the current keyPrefix (${current === "" ? "none" : current}): list only prefixes the trail wrote to before`);
    },
  },
  {
    rule: "lifecycle.expirationDays is greater than lifecycle.transitionDays",
    source: "Amazon S3 User Guide, 'Setting lifecycle configuration on a bucket' (an expiration before the transition makes the transition pointless; S3 rejects equal days)",
    check: (c, report) => {
      const lc = c.logArchive.lifecycle;
      if (validDays(lc.expirationDays, lc.transitionDays) && lc.expirationDays <= lc.transitionDays) {
        report(["logArchive", "lifecycle", "expirationDays"], lc.expirationDays, `must be greater than lifecycle.transitionDays (${lc.transitionDays}): S3 rejects an expiration that is not after the transition`);
      }
    },
  },
  {
    rule: "lifecycle.transitionDays is at least 30 for STANDARD_IA and ONEZONE_IA",
    source: "Amazon S3 User Guide, 'Transitioning objects using Amazon S3 Lifecycle' (minimum 30 days before an IA transition)",
    check: (c, report) => {
      const lc = c.logArchive.lifecycle;
      if (["STANDARD_IA", "ONEZONE_IA"].includes(lc.transitionStorageClass) && validDays(lc.transitionDays) && lc.transitionDays < 30) {
        report(["logArchive", "lifecycle", "transitionDays"], lc.transitionDays, `must be at least 30 for ${lc.transitionStorageClass}: S3's minimum before an IA transition`);
      }
    },
  },
  {
    rule: "lifecycle.expirationDays is not shorter than objectLock.retentionDays",
    source: "Amazon S3 User Guide, 'Locking objects with Object Lock' (a locked version cannot be deleted before its retention ends)",
    check: (c, report) => {
      const lc = c.logArchive.lifecycle;
      const lock = c.logArchive.objectLock;
      if (lock && validDays(lc.expirationDays, lock.retentionDays) && lc.expirationDays < lock.retentionDays) {
        report(["logArchive", "lifecycle", "expirationDays"], lc.expirationDays, `must not be shorter than objectLock.retentionDays (${lock.retentionDays}): locked objects cannot expire`);
      }
    },
  },
  {
    rule: "Object Lock needs versioning: met by construction, the archive bucket is always versioned",
    source: "Amazon S3 User Guide, 'Locking objects with Object Lock'",
    byConstruction: true,
  },
  {
    rule: "the default access-log bucket name (<bucketName>-access-logs) fits 63 characters, else accessLogs.bucketName must be set",
    source: "Amazon S3 User Guide, 'General purpose bucket naming rules'",
    check: (c, report) => {
      const logs = c.logArchive.accessLogs;
      if (logs.enabled && !logs.bucketName && follows("bucketName", c.logArchive.bucketName) && c.logArchive.bucketName.length + "-access-logs".length > 63) {
        report(["logArchive", "accessLogs", "bucketName"], undefined, `must be set: the default ${c.logArchive.bucketName}-access-logs is longer than 63 characters`);
      }
    },
  },
  {
    rule: "accessLogs.bucketName differs from logArchive.bucketName",
    source: "Amazon S3 User Guide, 'Logging requests with server access logging' (do not log a bucket into itself)",
    check: (c, report) => {
      const logs = c.logArchive.accessLogs;
      if (logs.enabled && logs.bucketName === c.logArchive.bucketName) {
        report(["logArchive", "accessLogs", "bucketName"], logs.bucketName, "must differ from logArchive.bucketName: S3 access logs go to a separate bucket");
      }
    },
  },
];
