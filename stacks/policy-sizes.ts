import type { Config } from "../config/schema";
import { accessLogBucketPolicy } from "../modules/log-archive/access-log-policy";
import { keyPath } from "../modules/shared/arns";
import { logArchiveBucketPolicy } from "../modules/log-archive/bucket-policy";
import { resolveDocument, type ResolvedDocument } from "../modules/shared/document";
import { trailKeyPolicy } from "../modules/trail-key/key-policy";
import { measure, type LimitKind, type SizeReport } from "../modules/shared/limits";
import { settingsOf } from "./settings";
import { deliveryPoliciesOf, keyDeliveryOf } from "./operations-settings";
import { accessPoliciesOf } from "./access-policy-sizes";

export interface NamedPolicy {
  readonly name: string;
  readonly kind: LimitKind;
  readonly document: ResolvedDocument;
}

/** Every policy document a config produces, as AWS will receive it. */
export function policiesOf(config: Config): NamedPolicy[] {
  const s = settingsOf(config);
  const intent = { ...s, keyPath: keyPath(s.keyPrefix) };
  const policies: NamedPolicy[] = [
    { name: "log archive bucket policy", kind: "bucketPolicy", document: resolveDocument(logArchiveBucketPolicy(intent)) },
  ];
  if (s.createKey) {
    policies.push({ name: "trail KMS key policy", kind: "keyPolicy", document: resolveDocument(trailKeyPolicy({ ...intent, keyAccountId: s.logArchiveAccountId, delivery: keyDeliveryOf(config) })) });
  }
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
  policies.push(...deliveryPoliciesOf(config));
  policies.push(...accessPoliciesOf(config));
  return policies;
}

export function policySizes(config: Config): SizeReport[] {
  return policiesOf(config).map((p) => measure(p.name, p.document, p.kind));
}
