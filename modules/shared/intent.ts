import type { Value } from "./value";
import type { KeyDeliveryIntent } from "../trail-delivery/delivery-intent";

/** Who the organization is and which trail writes: every policy is built from these. */
export interface TrailContext {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly homeRegion: string;
  readonly trailName: string;
}

/** Optional narrowing of member read access, on top of the organization condition. */
export interface MemberNarrowing {
  /** Only principals whose ARN matches, e.g. `arn:aws:iam::*:role/LogReader`. */
  readonly principalArnPattern?: Value<string>;
  /** Only principals carrying this tag. */
  readonly principalTag?: Value<{ key: string; value: string }>;
}

export interface MemberAccessIntent extends MemberNarrowing {
  /** Each member account reads its own logs. */
  readonly enabled: Value<boolean>;
}

export interface LogArchiveIntent extends TrailContext {
  readonly bucketName: string;
  /** The key path before `AWSLogs/`: `""` or `"<prefix>/"` (see `keyPath`). */
  readonly keyPath: string;
  readonly memberAccess: MemberAccessIntent;
}

export interface KeyPolicyIntent extends TrailContext {
  /** The account that owns the key (the log-archive account). */
  readonly keyAccountId: string;
  readonly memberAccess: MemberAccessIntent;
  /** Delivery targets that use the trail key (CloudWatch Logs, SNS) and the delegated administrator. */
  readonly delivery?: KeyDeliveryIntent;
}

export interface AccessLogBucketIntent {
  readonly partition: string;
  readonly accessLogBucketName: string;
  readonly sourceBucketName: string;
  readonly sourceAccountId: string;
  /** The key prefix the source bucket's logging writes under, e.g. `<bucket>/`. */
  readonly targetPrefix: string;
}
