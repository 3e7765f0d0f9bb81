import type { TerraformProvider } from "../modules/shared/facade";
import type { Deferred } from "./props";

/** Who the organization is and which trail writes to the archive: the same values on every construct. */
export interface OrganizationProps {
  /** The AWS Organizations ID: `o-` and 10 to 32 lowercase letters or digits. */
  readonly organizationId: string;
  /** The management account, which owns the organization trail (12 digits). */
  readonly managementAccountId: string;
  /** The trail's home region, e.g. `us-east-1`: the bucket and the key are in it too. */
  readonly homeRegion: string;
  /** The AWS partition of every ARN. @default "aws" */
  readonly partition?: "aws" | "aws-cn" | "aws-us-gov";
  /** The organization trail's name (3 to 128 characters). */
  readonly trailName: string;
  /** The central log archive bucket's name (S3 general purpose bucket naming rules). */
  readonly bucketName: string;
  /** S3 key prefix under which CloudTrail writes `AWSLogs/` (no leading or trailing slash). @default no prefix */
  readonly keyPrefix?: string;
  /** Tags on every taggable resource. @default no tags */
  readonly tags?: Readonly<Record<string, string>>;
  /** The AWS provider to create the resources with. @default the stack's default aws provider */
  readonly provider?: TerraformProvider;
}

/** Where the logs are, for the constructs that read them: the archive's account, key and earlier prefixes. */
export interface LogLocationProps extends OrganizationProps {
  /** The account that owns the log archive bucket and key. @default managementAccountId */
  readonly logArchiveAccountId?: string;
  /**
   * The trail key's ARN (a LogArchive's `kmsKeyArn`, or your own key's). @default any key of the log-archive account
   * in the home region, usable only through S3 and under CloudTrail's encryption context (keeps policies known at plan time)
   */
  readonly kmsKeyArn?: string;
  /** Key prefixes the trail wrote to before `keyPrefix` (`""` for none): readers keep reading their folders there. @default none */
  readonly previousKeyPrefixes?: readonly string[];
}

/** Which prop is which config field: errors name the prop, rules are the config's. */
export const ORGANIZATION_FIELDS = {
  organizationId: "organization.id",
  managementAccountId: "organization.managementAccountId",
  homeRegion: "organization.homeRegion",
  partition: "organization.partition",
  trailName: "trail.name",
  bucketName: "logArchive.bucketName",
  keyPrefix: "logArchive.keyPrefix",
  tags: "tags",
} as const;

export const LOCATION_FIELDS = {
  ...ORGANIZATION_FIELDS,
  logArchiveAccountId: "logArchive.accountId",
  kmsKeyArn: "encryption.kmsKey",
  previousKeyPrefixes: "logArchive.previousKeyPrefixes",
} as const;

/** A key ARN of the log-archive account in the home region: what a reference to the trail key is checked as. */
export const KEY_ARN_DEFERRED: Readonly<Record<string, Deferred>> = {
  kmsKeyArn: {
    input: "kms_key_arn",
    placeholder: (p) => `arn:${p.partition ?? "aws"}:kms:${p.homeRegion}:${p.logArchiveAccountId ?? p.managementAccountId}:key/00000000-0000-0000-0000-000000000000`,
  },
};

/** The construct's name in errors. */
export const named = (kind: string, id: string): string => `${kind} "${id}"`;
