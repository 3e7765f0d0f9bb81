import { accountRootArn, bucketArn, s3ViaService, trailEncryptionContextPattern } from "../shared/arns";
import { forEachOf, merge, POLICY_VERSION, when, type PolicyDocument, type Statement } from "../shared/document";
import { expr, isExpr, not, toHcl, type Value } from "../shared/value";

/**
 * Reader roles in the log-archive account (reference/aws-docs/002_*): one per member account (scenario 1) and one
 * per third party (scenario 2). The trust policy names the trusted account's root; the caller also needs
 * `sts:AssumeRole` on the role in its own identity policy. The permissions are narrower than AWS's examples
 * (`s3:Get*`/`s3:List*` on the whole bucket): objects and listing of the granted account folders only, and KMS
 * decrypt through S3 under the CloudTrail encryption context.
 */

const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

export interface MemberTrustIntent {
  readonly partition: string;
  /** The member account whose root is trusted. */
  readonly trustedAccountId: string;
  /** Require `aws:MultiFactorAuthPresent` (Bool, not BoolIfExists: a missing key must not pass in an Allow). */
  readonly requireMfa: Value<boolean>;
}

/**
 * Trust of a member account's root, with MFA when asked. Two alternative statements rather than an optional
 * condition part, so that a role without MFA has no empty `Condition`.
 */
export function memberTrustPolicy(i: MemberTrustIntent): PolicyDocument {
  const trust: Statement = { Sid: "TrustMemberAccount", Effect: "Allow", Principal: { AWS: accountRootArn(i.partition, i.trustedAccountId) }, Action: "sts:AssumeRole" };
  return {
    Version: POLICY_VERSION,
    Statement: [when(i.requireMfa, [{ ...trust, Condition: MFA }]), when(not(i.requireMfa), [trust])],
  };
}

export interface ThirdPartyTrustIntent extends MemberTrustIntent {
  /** The external ID the third party issued; AssumeRole must present exactly this value. */
  readonly externalId: string;
}

/** Trust of a third party's root, only with its external ID (and MFA when asked). */
export function thirdPartyTrustPolicy(i: ThirdPartyTrustIntent): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "TrustThirdPartyWithExternalId",
        Effect: "Allow",
        Principal: { AWS: accountRootArn(i.partition, i.trustedAccountId) },
        Action: "sts:AssumeRole",
        Condition: merge({ StringEquals: { "sts:ExternalId": i.externalId } }, when(i.requireMfa, MFA)),
      },
    ],
  };
}

export interface ReaderScopeIntent {
  readonly partition: string;
  readonly organizationId: string;
  readonly managementAccountId: string;
  readonly homeRegion: string;
  readonly bucketName: string;
  /** `""` or `"<prefix>/"` (see `keyPath`). */
  readonly keyPath: string;
  /** Key paths the trail wrote to before (`""` or `"<prefix>/"`): the same folders stay readable under each. */
  readonly previousKeyPaths?: Value<readonly string[]>;
  /** The trail key, or a pattern of keys (`arn:…:kms:<region>:<account>:key/*`) when its ARN is not known at plan time. */
  readonly kmsKeyArn: string;
  /** Read every account's folder. */
  readonly allAccounts: Value<boolean>;
  /** Otherwise: these accounts' folders (a literal list, or a list input of a module). */
  readonly accounts: Value<readonly string[]>;
}

/**
 * Read-only access to account folders of the log archive: `s3:GetObject` on their objects, `s3:ListBucket` with
 * `s3:prefix` inside them, `kms:Decrypt` through S3 in the home region for CloudTrail's encryption context, and an
 * explicit Deny of reads and listings outside those folders. Never `s3:*`, never the whole bucket.
 */
export function logReaderPolicy(i: ReaderScopeIntent): PolicyDocument {
  const bucket = bucketArn(i.partition, i.bucketName);
  const scoped = (sid: string, folders: Value<readonly string[]>): Statement[] => {
    // Always a list (one element without earlier prefixes): a module's `for` expression cannot be a string sometimes.
    const objects = forEachOf(folders, (f) => `${bucket}/${f}*`, "folder");
    const prefixes = forEachOf(folders, (f) => `${f}*`, "folder");
    return [
      { Sid: `Read${sid}`, Effect: "Allow", Action: "s3:GetObject", Resource: objects },
      { Sid: `List${sid}`, Effect: "Allow", Action: "s3:ListBucket", Resource: bucket, Condition: { StringLike: { "s3:prefix": prefixes } } },
      // The bucket policy lets every principal of the organization read its own account's folder; for these roles,
      // which live in the log-archive account, that is the log-archive account's folder, outside their scope.
      { Sid: "DenyReadOutsideScope", Effect: "Deny", Action: "s3:GetObject", NotResource: objects },
      { Sid: "DenyListOutsideScope", Effect: "Deny", Action: "s3:ListBucket", Resource: bucket, Condition: { StringNotLike: { "s3:prefix": prefixes } } },
    ];
  };
  return {
    Version: POLICY_VERSION,
    Statement: [
      when(i.allAccounts, scoped("AllAccountLogs", grantedFolders(i, undefined))),
      when(not(i.allAccounts), scoped("AccountLogs", grantedFolders(i, i.accounts))),
      decryptLogsThroughS3(i),
    ],
  };
}

/**
 * The folders a reader may read, each ending in `/`: under the current key path and every previous one, the
 * organization's folder (`accounts` undefined) or each account's. Literal when everything is; otherwise a Terraform
 * expression (`flatten` of `for` over the key paths and the accounts).
 */
function grantedFolders(i: ReaderScopeIntent, accounts: Value<readonly string[]> | undefined): Value<readonly string[]> {
  const orgFolder = `AWSLogs/${i.organizationId}/`;
  const previous = i.previousKeyPaths ?? [];
  if (!isExpr(previous) && !isExpr(accounts)) {
    return [i.keyPath, ...previous].flatMap((kp) => (accounts === undefined ? [`${kp}${orgFolder}`] : accounts.map((a) => `${kp}${orgFolder}${a}/`)));
  }
  const keyPaths = `concat([${toHcl(i.keyPath)}], ${toHcl(previous)})`;
  const folder = accounts === undefined ? toHcl(`\${kp}${orgFolder}`) : `[for account in ${toHcl(accounts)} : ${toHcl(`\${kp}${orgFolder}\${account}/`)}]`;
  return expr(`flatten([for kp in ${keyPaths} : ${folder}])`);
}

/** Keys of one account in one region: what a reader may decrypt when the trail key's ARN is known only after apply. */
export const accountKeysPattern = (partition: string, region: string, accountId: string): string => `arn:${partition}:kms:${region}:${accountId}:key/*`;

/**
 * An identity-policy statement: decrypt the trail's log files, only through S3 in the home region and only under
 * CloudTrail's encryption context (never the key for anything else).
 */
export function decryptLogsThroughS3(i: { partition: string; homeRegion: string; managementAccountId: string; kmsKeyArn: string }): Statement {
  return {
    Sid: "DecryptLogsThroughS3",
    Effect: "Allow",
    Action: "kms:Decrypt",
    Resource: i.kmsKeyArn,
    Condition: {
      StringEquals: { "kms:ViaService": s3ViaService(i.homeRegion, i.partition) },
      StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trailEncryptionContextPattern(i.partition, i.managementAccountId) },
    },
  };
}
