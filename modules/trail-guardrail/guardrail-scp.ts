import { bucketArn, trailArn } from "../shared/arns";
import { forEachOf, POLICY_VERSION, when, type ConditionBlock, type PolicyDocument, type Statement } from "../shared/document";
import { and, isEmpty, not, type Value } from "../shared/value";
import { TRAIL_TAMPERING_ACTIONS, type TrailOwner } from "../cloudtrail-user-policies/user-policies";

/** The log archive the guardrail protects when `protectArchive` is on. */
export interface GuardedArchive {
  readonly bucketName: string;
  /** True when orgtrail creates the trail key: its ARN is unknown at plan time, so the key is matched by its alias. */
  readonly keyCreated: Value<boolean>;
  /** The brought key's ARN, or the pattern of the log-archive account's keys in the home region for a created key. */
  readonly keyArn: string;
  /** The created key's alias (`alias/…`); unused for a brought key. */
  readonly keyAlias: string;
  /** The created key's alias ARN, in the log-archive account and the home region. */
  readonly keyAliasArn: string;
}

export interface TrailGuardrailIntent extends TrailOwner {
  /** Exact role ARNs (a wildcard only after a named path) exempt from every statement: break glass and the deploying roles. */
  readonly exemptPrincipalArns: Value<readonly string[]>;
  readonly protectArchive: Value<boolean>;
  readonly archive: GuardedArchive;
}

/**
 * Changing an exempt role is becoming exempt: creating it, rewriting its trust or permissions, tagging it, passing
 * it to a service that would hand out its credentials.
 */
export const EXEMPT_ROLE_ACTIONS = [
  "iam:CreateRole",
  // DeleteRole, DeleteRolePolicy, DeleteRolePermissionsBoundary; UpdateRole, UpdateRoleDescription; PutRolePolicy,
  // PutRolePermissionsBoundary (wildcards keep the SCP short: every exempt role is repeated in each statement).
  "iam:DeleteRole*",
  "iam:UpdateRole*",
  "iam:PutRole*",
  "iam:UpdateAssumeRolePolicy",
  "iam:AttachRolePolicy",
  "iam:DetachRolePolicy",
  "iam:TagRole",
  "iam:UntagRole",
  "iam:PassRole",
] as const;

/**
 * What stops delivery or loses logs in the archive bucket (the Delete* calls of ownership controls, public access
 * block, encryption and lifecycle are authorized as their Put* actions).
 */
export const ARCHIVE_BUCKET_ACTIONS = [
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketOwnershipControls",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutBucketVersioning",
  "s3:PutEncryptionConfiguration",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketLogging",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutBucketAcl",
  "s3:DeleteBucket",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:BypassGovernanceRetention",
] as const;

/** What makes the trail key unusable (CloudTrail stops delivering) or hands its use to someone else. */
export const TRAIL_KEY_ACTIONS = [
  "kms:PutKeyPolicy",
  "kms:DisableKey",
  "kms:ScheduleKeyDeletion",
  "kms:CreateGrant",
  "kms:DisableKeyRotation",
] as const;

/** A created key is matched by its alias: deleting or repointing the alias would lift the key's protection. */
export const TRAIL_KEY_ALIAS_ACTIONS = ["kms:DeleteAlias", "kms:UpdateAlias"] as const;

/**
 * The statement once with the exemption (`ArnNotLike aws:PrincipalArn`) and once without, each present only when
 * `test` holds and the exempt list is respectively set or empty: IAM refuses an empty condition value list.
 */
function exceptExempt(i: TrailGuardrailIntent, test: Value<boolean>, s: Statement, extra?: ConditionBlock) {
  const exempt = forEachOf(i.exemptPrincipalArns, (arn) => arn, "arn");
  const none = isEmpty(i.exemptPrincipalArns);
  return [
    when(and(test, not(none)), [{ ...s, Condition: { ...extra, ArnNotLike: { "aws:PrincipalArn": exempt } } }]),
    when(and(test, none), [extra ? { ...s, Condition: extra } : s]),
  ];
}

/**
 * The trail guardrail SCP. In every account it applies to, every principal but the exempt ones is denied:
 * stopping, deleting, updating the organization trail and changing its selectors; creating or changing the exempt
 * roles (so nobody there can make themselves exempt); and with `protectArchive`, changing or deleting the archive
 * bucket's policy and settings, the bucket and its log objects, and disabling, scheduling for deletion, re-policing
 * or granting the trail key. SCPs never apply to the management account nor to service principals and
 * service-linked roles: CloudTrail keeps writing, and the management account is protected by IAM policies.
 */
export function trailGuardrailScp(i: TrailGuardrailIntent): PolicyDocument {
  const bucket = bucketArn(i.partition, i.archive.bucketName);
  const archive: Statement = { Sid: "DenyArchiveChanges", Effect: "Deny", Action: [...ARCHIVE_BUCKET_ACTIONS], Resource: [bucket, `${bucket}/*`] };
  const alias = i.archive.keyAliasArn;
  const key: Statement = { Sid: "DenyTrailKeyChanges", Effect: "Deny", Action: [...TRAIL_KEY_ACTIONS], Resource: i.archive.keyArn };
  return {
    Version: POLICY_VERSION,
    Statement: [
      ...exceptExempt(i, true, {
        Sid: "DenyOrganizationTrailChanges",
        Effect: "Deny",
        Action: [...TRAIL_TAMPERING_ACTIONS],
        Resource: trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName),
      }),
      // Only present with exemptions: the roles they name may be changed by the exempt principals alone.
      when(not(isEmpty(i.exemptPrincipalArns)), [
        {
          Sid: "DenyExemptRoleChanges",
          Effect: "Deny",
          Action: [...EXEMPT_ROLE_ACTIONS],
          Resource: forEachOf(i.exemptPrincipalArns, (arn) => arn, "arn"),
          Condition: { ArnNotLike: { "aws:PrincipalArn": forEachOf(i.exemptPrincipalArns, (arn) => arn, "arn") } },
        },
      ]),
      // With a created key, the statement also keeps its alias in place (matched by ARN: aliases carry no aliases).
      ...exceptExempt(i, and(i.protectArchive, i.archive.keyCreated), { ...archive, Action: [...archive.Action!, ...TRAIL_KEY_ALIAS_ACTIONS], Resource: [bucket, `${bucket}/*`, alias] }),
      ...exceptExempt(i, and(i.protectArchive, not(i.archive.keyCreated)), archive),
      // A created key's ARN is known only after apply: the log-archive account's keys carrying the trail key's alias.
      ...exceptExempt(i, and(i.protectArchive, i.archive.keyCreated), key, { "ForAnyValue:StringEquals": { "kms:ResourceAliases": i.archive.keyAlias } }),
      ...exceptExempt(i, and(i.protectArchive, not(i.archive.keyCreated)), key),
    ],
  };
}
