import { Construct, type TerraformResource } from "../modules/shared/facade";
import { LOG_ARCHIVE_VARIABLES } from "../modules/log-archive/module";
import { LogArchive as ArchiveParts } from "../modules/log-archive/log-archive";
import { logArchiveProps } from "../modules/log-archive/props";
import { literalInputs } from "../modules/shared/inputs";
import { checkWithDelivery, keyAdmitsOf, registerArchiveKey, type DeliveryProps } from "./delivery";
import { named, ORGANIZATION_FIELDS, type OrganizationProps } from "./organization";

/**
 * `cloudWatchLogs` and `snsTopic` are the OrganizationTrail's, given here too (like `trailName` and `bucketName`):
 * where the trail key encrypts the log group or topic, the key policy admits CloudWatch Logs for that log group and
 * CloudTrail (and, with `snsTopic.alarmNamePrefix`, CloudWatch alarms) for that topic, and nothing else.
 */
export interface LogArchiveProps extends OrganizationProps, DeliveryProps {
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
  /** Key prefixes the trail wrote to before `keyPrefix` (`""` for none): members keep reading their folders there. @default none */
  readonly previousKeyPrefixes?: readonly string[];
}

const ARCHIVE_FIELDS = {
  ...ORGANIZATION_FIELDS,
  logArchiveAccountId: "logArchive.accountId",
  memberReadAccess: "memberAccess.enabled",
  accessLogs: "logArchive.accessLogs.enabled",
  accessLogBucketName: "logArchive.accessLogs.bucketName",
  expirationDays: "logArchive.lifecycle.expirationDays",
  kmsAliasName: "encryption.aliasName",
  previousKeyPrefixes: "logArchive.previousKeyPrefixes",
} as const;

/**
 * The central CloudTrail log archive: a customer managed KMS key for the trail, the archive bucket (versioned,
 * encrypted, public access blocked, lifecycle) whose policy lets only this organization's trail write and each
 * member account read its own logs, and a bucket for the archive's S3 server access logs.
 */
export class LogArchive extends Construct {
  /** The trail key's ARN: give it to the OrganizationTrail and the readers. */
  readonly kmsKeyArn: string;
  readonly bucketName: string;
  /** What a trail writing here must wait for (bucket policy, key): the OrganizationTrail's `dependsOn`. */
  readonly readyForTrail: TerraformResource[];
  /** The resources, for references and escape hatches. */
  readonly parts: ArchiveParts;

  constructor(scope: Construct, id: string, props: LogArchiveProps) {
    // Checked before anything is added to the scope: a bad prop leaves the app as it was.
    const construct = named("LogArchive", id);
    const { config, given } = checkWithDelivery({ scope, construct, props, fields: ARCHIVE_FIELDS });
    super(scope, id);
    this.parts = new ArchiveParts(this, "archive", { ...logArchiveProps(this, literalInputs(LOG_ARCHIVE_VARIABLES, config, given)), provider: props.provider });
    this.kmsKeyArn = this.parts.trailKey.keyArn;
    this.bucketName = props.bucketName;
    this.readyForTrail = this.parts.readyForTrail;
    // An OrganizationTrail using this key checks that it encrypts with it exactly what the key policy admits.
    registerArchiveKey(this, this.kmsKeyArn, keyAdmitsOf(construct, config));
  }
}
