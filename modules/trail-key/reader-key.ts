import type { Config } from "../../config/schema";
import { keyPath } from "../shared/arns";
import { accountKeysPattern } from "../member-reader-roles/reader-policies";
import { settingsOf } from "../organization/settings";

/**
 * The trail key as reader policies name it: a brought key's ARN, or every key of the log-archive account in the
 * home region when orgtrail creates the key (its ARN exists only after apply; a pattern keeps the policy readable in
 * the plan, and the KMS conditions still limit it to CloudTrail's logs read through S3).
 */
export function readerKeyArn(c: Config): string {
  const s = settingsOf(c);
  return s.createKey ? accountKeysPattern(s.partition, s.homeRegion, s.logArchiveAccountId) : c.encryption.kmsKey;
}

/** What every access policy of a config is built from. */
export function accessLocation(c: Config) {
  const s = settingsOf(c);
  return { ...s, keyPath: keyPath(s.keyPrefix), kmsKeyArn: readerKeyArn(c) };
}
