import type { Config } from "../../config/schema";
import { keyPath } from "../shared/arns";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { settingsOf } from "../organization/settings";
import { trailKeyPolicies } from "../trail-key/policies";
import { accessLogBucketPolicy } from "./access-log-policy";
import { logArchiveBucketPolicy } from "./bucket-policy";

/** The archive bucket's policy, the trail key's (part of the archive), and the access-log bucket's. */
export function logArchivePolicies(config: Config): NamedPolicy[] {
  const s = settingsOf(config);
  const policies: NamedPolicy[] = [
    { name: "log archive bucket policy", kind: "bucketPolicy", document: resolveDocument(logArchiveBucketPolicy({ ...s, keyPath: keyPath(s.keyPrefix), previousKeyPaths: s.previousKeyPaths })) },
    ...trailKeyPolicies(config),
  ];
  if (config.logArchive.accessLogs.enabled) {
    policies.push({
      name: "access-log bucket policy",
      kind: "bucketPolicy",
      document: resolveDocument(
        accessLogBucketPolicy({
          partition: s.partition,
          accessLogBucketName: s.accessLogBucketName,
          sourceBucketName: s.bucketName,
          sourceAccountId: s.logArchiveAccountId,
          targetPrefix: `${s.bucketName}/`,
        }),
      ),
    });
  }
  return policies;
}
