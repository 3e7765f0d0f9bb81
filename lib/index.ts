/**
 * orgtrail's constructs for your own cdktf app: `import { LogArchive, OrganizationTrail } from "orgtrail/lib"`.
 * Importing this entry synthesizes nothing and writes nothing. Props are checked with the rules of orgtrail's config
 * (`orgtrail rules` lists them): a bad value throws an OrgtrailPropsError naming the prop, the value and the rule.
 * Logical IDs come from the construct path, so several instances, and your own resources, coexist in one stack.
 */
import { Construct, type TerraformProvider, type TerraformResource } from "../modules/shared/facade";
import { LOG_ARCHIVE_VARIABLES } from "../modules/log-archive/module";
import { LogArchive as ArchiveParts } from "../modules/log-archive/log-archive";
import { logArchiveProps } from "../modules/log-archive/props";
import { ORGANIZATION_TRAIL_VARIABLES } from "../modules/organization-trail/module";
import { OrganizationTrail as TrailParts } from "../modules/organization-trail/organization-trail";
import { organizationTrailProps } from "../modules/organization-trail/props";
import { literalInputs } from "../modules/shared/inputs";
import { checkedConfig } from "./props";

export { OrgtrailPropsError } from "./props";

/** Who the organization is and which trail writes to the archive: the same values on both constructs. */
export interface OrganizationProps {
  /** The AWS Organizations ID: `o-` and 10 to 32 lowercase letters or digits. */
  readonly organizationId: string;
  /** The management account, which owns the organization trail (12 digits). */
  readonly managementAccountId: string;
  /** The trail's home region, e.g. `us-east-1`. */
  readonly homeRegion: string;
  /** The AWS partition. @default "aws" */
  readonly partition?: "aws" | "aws-cn" | "aws-us-gov";
  /** The organization trail's name (3 to 128 characters). */
  readonly trailName: string;
  /** The central log archive bucket's name (S3 general purpose bucket naming rules). */
  readonly bucketName: string;
  /** S3 key prefix under which CloudTrail writes `AWSLogs/`. @default no prefix */
  readonly keyPrefix?: string;
  /** Tags on every taggable resource. @default no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** The AWS provider to create the resources with. @default the stack's default aws provider */
  readonly provider?: TerraformProvider;
}

export interface LogArchiveProps extends OrganizationProps {
  /** The account that owns the bucket and the key. @default managementAccountId */
  readonly logArchiveAccountId?: string;
  /** Each member account may list and read its own logs (and only those). @default true */
  readonly memberReadAccess?: boolean;
  /** Log the archive bucket's requests to a separate bucket. @default true */
  readonly accessLogs?: boolean;
  /** The access-log bucket's name. @default `${bucketName}-access-logs` */
  readonly accessLogBucketName?: string;
  /** Days before log objects expire. @default 2557 (7 years) */
  readonly expirationDays?: number;
  /** The trail key's alias; must differ between two archives in one account. @default "alias/orgtrail-cloudtrail" */
  readonly kmsAliasName?: string;
}

/** Which prop is which config field: errors name the prop, rules are the config's. */
const ORGANIZATION_FIELDS = {
  organizationId: "organization.id",
  managementAccountId: "organization.managementAccountId",
  homeRegion: "organization.homeRegion",
  partition: "organization.partition",
  trailName: "trail.name",
  bucketName: "logArchive.bucketName",
  keyPrefix: "logArchive.keyPrefix",
  tags: "tags",
} as const;

const ARCHIVE_FIELDS = {
  ...ORGANIZATION_FIELDS,
  logArchiveAccountId: "logArchive.accountId",
  memberReadAccess: "memberAccess.enabled",
  accessLogs: "logArchive.accessLogs.enabled",
  accessLogBucketName: "logArchive.accessLogs.bucketName",
  expirationDays: "logArchive.lifecycle.expirationDays",
  kmsAliasName: "encryption.aliasName",
} as const;

/** The config a construct's props stand for: fields the props leave out take the config's defaults. */
function configOf(props: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const config: Record<string, unknown> = { organization: {}, trail: {}, logArchive: {} };
  for (const [prop, path] of Object.entries(fields)) {
    if (props[prop] === undefined) continue;
    const keys = path.split(".");
    let at = config;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[keys[keys.length - 1]] = props[prop];
  }
  return config;
}

/**
 * The central CloudTrail log archive: a customer managed KMS key for the trail, the archive bucket (versioned,
 * encrypted, public access blocked, lifecycle) whose policy lets only this organization's trail write and each
 * member account read its own logs, and a bucket for the archive's S3 server access logs.
 */
export class LogArchive extends Construct {
  /** The trail key's ARN: give it to the OrganizationTrail. */
  readonly kmsKeyArn: string;
  readonly bucketName: string;
  /** What a trail writing here must wait for (bucket policy, key): the OrganizationTrail's `dependsOn`. */
  readonly readyForTrail: TerraformResource[];
  /** The resources, for references and escape hatches. */
  readonly parts: ArchiveParts;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    // Checked before anything is added to the scope: a bad prop leaves the app as it was.
    const config = checkedConfig(`LogArchive "${id}"`, props as unknown as Record<string, unknown>, ARCHIVE_FIELDS, configOf(props as unknown as Record<string, unknown>, ARCHIVE_FIELDS));
    super(scope, id);
    this.parts = new ArchiveParts(this, "archive", { ...logArchiveProps(this, literalInputs(LOG_ARCHIVE_VARIABLES, config)), provider: props.provider });
    this.kmsKeyArn = this.parts.trailKey.keyArn;
    this.bucketName = props.bucketName;
    this.readyForTrail = this.parts.readyForTrail;
  }
}

export interface OrganizationTrailProps extends OrganizationProps {
  /** The key that encrypts the log files: a LogArchive's `kmsKeyArn`, or your own key's ARN. */
  readonly kmsKeyArn: string;
  /** What the trail must wait for: a LogArchive's `readyForTrail`. @default nothing */
  readonly dependsOn?: TerraformResource[];
  /** Record in every region. @default true */
  readonly multiRegion?: boolean;
  /** @default true */
  readonly includeGlobalServiceEvents?: boolean;
  /** Digest files that prove the log files unchanged. @default true */
  readonly logFileValidation?: boolean;
}

const TRAIL_FIELDS = { ...ORGANIZATION_FIELDS, multiRegion: "trail.multiRegion", includeGlobalServiceEvents: "trail.includeGlobalServiceEvents", logFileValidation: "trail.logFileValidation" } as const;

/** The organization trail, owned by the management account: every account, every region, validated log files. */
export class OrganizationTrail extends Construct {
  /** The aws_cloudtrail resource. */
  readonly parts: TrailParts;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    const config = checkedConfig(`OrganizationTrail "${id}"`, props as unknown as Record<string, unknown>, TRAIL_FIELDS, configOf(props as unknown as Record<string, unknown>, TRAIL_FIELDS));
    super(scope, id);
    const inputs = literalInputs(ORGANIZATION_TRAIL_VARIABLES, config, { kms_key_arn: props.kmsKeyArn });
    this.parts = new TrailParts(this, "trail", { ...organizationTrailProps(inputs), dependsOn: props.dependsOn, provider: props.provider });
  }
}
