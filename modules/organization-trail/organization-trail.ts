import { Cloudtrail, Construct, type TerraformProvider, type TerraformResource } from "../shared/facade";
import { dependOn, tag, type Tags } from "../shared/resources";
import { applyTrailOperations, type TrailOperationsProps } from "./trail-operations";
import { toTemplate, type Value } from "../shared/value";
import { fixedId } from "../shared/logical-id";

export interface OrganizationTrailProps {
  readonly trailName: string;
  readonly bucketName: string;
  /** S3 key prefix; empty or undefined for none. */
  readonly s3KeyPrefix?: string;
  readonly kmsKeyArn: string;
  /** @default true */
  readonly multiRegion?: Value<boolean>;
  /** @default true */
  readonly includeGlobalServiceEvents?: Value<boolean>;
  /** @default true */
  readonly logFileValidation?: Value<boolean>;
  /**
   * Resources the trail must wait for: the bucket policy and the key policy. Without them CreateTrail fails with
   * InsufficientS3BucketPolicyException / InsufficientEncryptionPolicyException.
   */
  readonly dependsOn?: TerraformResource[];
  readonly tags?: Tags;
  /** CloudWatch Logs, SNS, event selectors, Insights. @default none: S3 delivery of every management event */
  readonly operations?: TrailOperationsProps;
  /** The management account's provider, or the delegated administrator's (the trail is owned by management either way). */
  readonly provider?: TerraformProvider;
}

/** The organization trail, owned by the management account: every account, every region, validated log files. */
export class OrganizationTrail extends Construct {
  readonly trail: Cloudtrail;

  constructor(scope: Construct, name: string, props: OrganizationTrailProps) {
    super(scope, name);
    this.trail = new Cloudtrail(this, "trail", {
      name: props.trailName,
      s3BucketName: props.bucketName,
      kmsKeyId: props.kmsKeyArn,
      isOrganizationTrail: true,
      enableLogging: true,
      provider: props.provider,
    });
    fixedId(this.trail, "organization");
    // Overrides, not props: cdktf's boolean props take no expression (vendorable modules pass variables).
    this.trail.addOverride("is_multi_region_trail", toTemplate(props.multiRegion ?? true));
    this.trail.addOverride("include_global_service_events", toTemplate(props.includeGlobalServiceEvents ?? true));
    this.trail.addOverride("enable_log_file_validation", toTemplate(props.logFileValidation ?? true));
    if (props.s3KeyPrefix) this.trail.addOverride("s3_key_prefix", props.s3KeyPrefix);
    tag(this.trail, props.tags);
    dependOn(this.trail, ...(props.dependsOn ?? []));
    applyTrailOperations(this.trail, props.operations);
  }
}
