import { Construct, S3BucketLogging, type TerraformProvider, type TerraformResource } from "../shared/facade";
import { accessLogBucketPolicy } from "./access-log-policy";
import { logArchiveBucketPolicy } from "./bucket-policy";
import type { TrailContext } from "../shared/trail-context";
import type { MemberAccessIntent } from "../member-access/narrowing";
import type { KeyDeliveryIntent } from "../trail-delivery/delivery-intent";
import { HardenedBucket, type LifecycleProps, type ObjectLockProps } from "./hardened-bucket";
import { dependOn, optional, ref, type Tags } from "../shared/resources";
import type { Value } from "../shared/value";
import { TrailKey } from "../trail-key/trail-key";
import { fixedId } from "../shared/logical-id";

export interface AccessLogsProps {
  /** Create a separate access-log bucket and log the archive bucket's requests there. */
  readonly enabled: Value<boolean>;
  readonly bucketName: string;
  readonly expirationDays: number;
}

export interface KeyProps {
  /** Create a key (true) or bring `existingKeyArn` (false); an expression in vendorable modules. */
  readonly create: Value<boolean>;
  readonly existingKeyArn?: string;
  readonly aliasName: string;
  readonly deletionWindowDays: number;
}

export interface LogArchiveProps extends TrailContext {
  /** The account that owns bucket and key. */
  readonly logArchiveAccountId: string;
  readonly bucketName: string;
  /** Key path before `AWSLogs/`: `""` or `"<prefix>/"`. */
  readonly keyPath: string;
  /** Key paths the trail wrote to before: members keep reading their folders there. */
  readonly previousKeyPaths?: Value<readonly string[]>;
  /** @default BucketOwnerEnforced */
  readonly objectOwnership: string;
  readonly lifecycle: Required<LifecycleProps>;
  readonly objectLock?: ObjectLockProps;
  readonly accessLogs: AccessLogsProps;
  readonly key: KeyProps;
  readonly memberAccess: MemberAccessIntent;
  /** Delivery targets that use the trail key, and the delegated administrator (statements in the key policy). */
  readonly delivery?: KeyDeliveryIntent;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
}

/**
 * The central CloudTrail log archive: the trail key, the archive bucket whose policy lets CloudTrail write and each
 * member account read only its own logs, and a separate bucket for the archive's S3 server access logs.
 */
export class LogArchive extends Construct {
  readonly trailKey: TrailKey;
  readonly archive: HardenedBucket;
  readonly accessLogBucket?: HardenedBucket;
  /** What a trail writing here must wait for: the bucket policy and the key (with its policy). */
  readonly readyForTrail: TerraformResource[];

  constructor(scope: Construct, name: string, props: LogArchiveProps) {
    super(scope, name);
    const { provider, tags } = props;
    this.trailKey = new TrailKey(this, "key", {
      ...props,
      keyAccountId: props.logArchiveAccountId,
      create: props.key.create,
      existingKeyArn: props.key.existingKeyArn,
      aliasName: props.key.aliasName,
      deletionWindowDays: props.key.deletionWindowDays,
      memberAccess: props.memberAccess,
      tags,
      provider,
    });

    this.archive = new HardenedBucket(this, "archive", {
      id: "log_archive",
      holdsLogs: true,
      bucketName: props.bucketName,
      objectOwnership: props.objectOwnership,
      kmsKeyArn: this.trailKey.keyArn,
      lifecycle: props.lifecycle,
      objectLock: props.objectLock,
      policy: logArchiveBucketPolicy({ ...props, memberAccess: props.memberAccess }),
      policyName: "log archive bucket policy",
      tags,
      provider,
    });

    const logs = props.accessLogs;
    const logsEnabled = logs.enabled;
    if (logsEnabled !== false) {
      const targetPrefix = `${props.bucketName}/`;
      this.accessLogBucket = new HardenedBucket(this, "access-logs", {
        id: "access_logs",
        holdsLogs: true,
        enabled: logsEnabled,
        bucketName: logs.bucketName,
        lifecycle: {
          expirationDays: logs.expirationDays,
          noncurrentVersionExpirationDays: 30,
          abortIncompleteMultipartUploadDays: 7,
        },
        policyName: "access-log bucket policy",
        policy: accessLogBucketPolicy({
          partition: props.partition,
          accessLogBucketName: logs.bucketName,
          sourceBucketName: props.bucketName,
          sourceAccountId: props.logArchiveAccountId,
          targetPrefix,
        }),
        tags,
        provider,
      });
      const logging = optional(logsEnabled, () =>
        new S3BucketLogging(this, "logging", {
          bucket: ref(this.archive.bucket, "id"),
          targetBucket: ref(this.accessLogBucket!.bucket, "id"),
          targetPrefix,
          provider,
        }),
      )!;
      fixedId(logging, "log_archive");
      // Logging is verified by S3 against the target's policy: write it first.
      dependOn(logging, this.accessLogBucket.policy);
    }

    this.readyForTrail = [this.archive.policy, ...(this.trailKey.key ? [this.trailKey.key] : [])];
  }
}
