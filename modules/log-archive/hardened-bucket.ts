import {
  Construct,
  S3Bucket,
  S3BucketLifecycleConfiguration,
  S3BucketObjectLockConfiguration,
  S3BucketOwnershipControls,
  S3BucketPolicy,
  S3BucketPublicAccessBlock,
  S3BucketServerSideEncryptionConfiguration,
  S3BucketVersioning,
  type TerraformProvider,
  type TerraformResource,
} from "../shared/facade";
import type { PolicyDocument } from "../shared/document";
import { renderPolicy } from "../shared/hcl";
import { addSizePrecondition } from "../shared/size-precondition";
import { dependOn, optional, preventDestroy, ref, tag, type Tags } from "../shared/resources";
import { and, type Expr, type Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

export interface LifecycleProps {
  /** Days before objects move to `transitionStorageClass`; no transition when undefined. */
  readonly transitionDays?: number;
  readonly transitionStorageClass?: string;
  readonly expirationDays: number;
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteMultipartUploadDays: number;
}

export interface ObjectLockProps {
  /**
   * Whether Object Lock is on. Enabled through `aws_s3_bucket_object_lock_configuration` (versioning is on), so it can
   * be turned on for an existing bucket in place; the bucket's own `object_lock_enabled` would replace the bucket.
   */
  readonly enabled: Value<boolean>;
  /** GOVERNANCE or COMPLIANCE. */
  readonly mode: string;
  readonly retentionDays: number;
}

export interface HardenedBucketProps {
  /** Terraform name shared by every resource of this bucket (stable addresses). */
  readonly id: string;
  readonly bucketName: string;
  /** @default BucketOwnerEnforced (ACLs disabled; S3's default since April 2023) */
  readonly objectOwnership?: string;
  /** SSE-KMS with this key and an S3 Bucket Key; SSE-S3 (AES256) when undefined. */
  readonly kmsKeyArn?: string;
  readonly lifecycle: LifecycleProps;
  readonly objectLock?: ObjectLockProps;
  readonly policy: PolicyDocument;
  /** Names the policy in size errors. @default "<id> bucket policy" */
  readonly policyName?: string;
  readonly tags?: Tags;
  readonly provider?: TerraformProvider;
  /** The bucket holds logs: `prevent_destroy`, so no config change destroys or replaces it. @default false */
  readonly holdsLogs?: boolean;
  /** Whether the bucket exists: an expression lets a vendorable module decide at plan time. @default true */
  readonly enabled?: true | Expr;
}

/** The resources of a hardened bucket by address, in a root that does not count them (the deploy stack). */
export const hardenedBucketAddresses = (id: string): string[] =>
  ["aws_s3_bucket", "aws_s3_bucket_ownership_controls", "aws_s3_bucket_public_access_block", "aws_s3_bucket_versioning", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_policy"].map(
    (type) => `${type}.${id}`,
  );

/**
 * An S3 bucket with orgtrail's baseline: object ownership enforced, all public access blocked, versioning,
 * default encryption, lifecycle, optional Object Lock, and a bucket policy. Never an `aws_s3_bucket_acl`: modules
 * that emit one fail to apply on buckets created since April 2023.
 */
export class HardenedBucket extends Construct {
  readonly bucket: S3Bucket;
  readonly policy: S3BucketPolicy;
  readonly publicAccessBlock: S3BucketPublicAccessBlock;
  /** Every resource of the bucket, for callers that must wait for all of it. */
  readonly resources: TerraformResource[] = [];

  constructor(scope: Construct, name: string, props: HardenedBucketProps) {
    super(scope, name);
    const { id, provider } = props;
    const enabled = props.enabled ?? true;
    const make = <R extends TerraformResource>(create: () => R): R => {
      const r = optional(enabled, create)!;
      fixedId(r, id);
      tag(r, r.terraformResourceType === "aws_s3_bucket" ? props.tags : undefined);
      this.resources.push(r);
      return r;
    };
    const lock = props.objectLock;

    this.bucket = make(() => new S3Bucket(this, "bucket", { bucket: props.bucketName, provider }));
    // A bucket of logs is never destroyed or replaced by a config change (README "Day-2 changes").
    if (props.holdsLogs) preventDestroy(this.bucket);
    const bucketId = ref(this.bucket, "id");

    const ownership = make(
      () =>
        new S3BucketOwnershipControls(this, "ownership", {
          bucket: bucketId,
          rule: { objectOwnership: props.objectOwnership ?? "BucketOwnerEnforced" },
          provider,
        }),
    );
    this.publicAccessBlock = make(
      () =>
        new S3BucketPublicAccessBlock(this, "public_access_block", {
          bucket: bucketId,
          blockPublicAcls: true,
          blockPublicPolicy: true,
          ignorePublicAcls: true,
          restrictPublicBuckets: true,
          provider,
        }),
    );
    const versioning = make(
      () => new S3BucketVersioning(this, "versioning", { bucket: bucketId, versioningConfiguration: { status: "Enabled" }, provider }),
    );
    make(
      () =>
        new S3BucketServerSideEncryptionConfiguration(this, "encryption", {
          bucket: bucketId,
          rule: [
            props.kmsKeyArn
              ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn }, bucketKeyEnabled: true }
              : { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
          ],
          provider,
        }),
    );
    const lc = props.lifecycle;
    const lifecycle = make(
      () =>
        new S3BucketLifecycleConfiguration(this, "lifecycle", {
          bucket: bucketId,
          rule: [
            {
              id: "orgtrail-retention",
              status: "Enabled",
              filter: [{ prefix: "" }],
              transition:
                lc.transitionDays === undefined ? undefined : [{ days: lc.transitionDays, storageClass: lc.transitionStorageClass! }],
              expiration: [{ days: lc.expirationDays }],
              noncurrentVersionExpiration: [{ noncurrentDays: lc.noncurrentVersionExpirationDays }],
              abortIncompleteMultipartUpload: [{ daysAfterInitiation: lc.abortIncompleteMultipartUploadDays }],
            },
          ],
          provider,
        }),
    );
    // Lifecycle rules on noncurrent versions need versioning first (provider documentation).
    dependOn(lifecycle, versioning);

    if (lock && lock.enabled !== false) {
      const lockConfig = optional(and(enabled, lock.enabled), () =>
        new S3BucketObjectLockConfiguration(this, "object_lock", {
          bucket: bucketId,
          // Not the bucket's object_lock_enabled (ForceNew: a new, empty bucket); S3 enables it on the versioned bucket.
          objectLockEnabled: "Enabled",
          rule: { defaultRetention: { mode: lock.mode, days: lock.retentionDays } },
          provider,
        }),
      )!;
      fixedId(lockConfig, id);
      dependOn(lockConfig, versioning);
      this.resources.push(lockConfig);
    }

    const policy = renderPolicy(props.policy);
    this.policy = make(() => new S3BucketPolicy(this, "policy", { bucket: bucketId, policy, provider }));
    addSizePrecondition(this.policy, { attribute: "policy", localName: `${id}_bucket_policy`, name: props.policyName ?? `${id} bucket policy`, kind: "bucketPolicy", policy });
    // S3 answers 409 OperationAborted when the policy and the public access block change at once.
    dependOn(this.policy, this.publicAccessBlock, ownership);
  }
}
