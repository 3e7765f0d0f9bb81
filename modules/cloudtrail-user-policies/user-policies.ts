import { bucketArn, SERVICE, trailArn } from "../shared/arns";
import { forEachOf, POLICY_VERSION, when, type Optional, type PolicyDocument, type Statement } from "../shared/document";
import { isEmpty, not, type Value } from "../shared/value";
import type { TrailContext } from "../shared/trail-context";
import { decryptLogsThroughS3 } from "../member-reader-roles/reader-policies";

/** The trail and its owner; these policies do not depend on the organization ID. */
export type TrailOwner = Omit<TrailContext, "organizationId">;

/**
 * Customer managed IAM policies for the people who operate CloudTrail in the management account
 * (reference/aws-docs/003_*). Narrower than AWS's examples: reads are limited to the log archive's AWSLogs folder,
 * and administration to this account's trails (no `s3:*`, `sns:*`, bucket creation or deletion).
 */
export interface UserPolicyIntent extends TrailOwner {
  readonly bucketName: string;
  /** `""` or `"<prefix>/"`. */
  readonly keyPath: string;
  /** Key paths the trail wrote to before: operators read the history there too. */
  readonly previousKeyPaths?: Value<readonly string[]>;
  /** The trail key, or a key pattern of the log-archive account when its ARN is known only after apply. */
  readonly kmsKeyArn: string;
}

/** What changes or silences the organization trail; the protect-trail policy and the guardrail SCP deny these. */
export const TRAIL_TAMPERING_ACTIONS = [
  "cloudtrail:StopLogging",
  "cloudtrail:DeleteTrail",
  "cloudtrail:UpdateTrail",
  "cloudtrail:PutEventSelectors",
  "cloudtrail:PutInsightSelectors",
] as const;

const CLOUDTRAIL_READ = [
  "cloudtrail:DescribeTrails",
  "cloudtrail:GetTrail",
  "cloudtrail:GetTrailStatus",
  "cloudtrail:ListTrails",
  "cloudtrail:LookupEvents",
  "cloudtrail:GetEventSelectors",
  "cloudtrail:GetInsightSelectors",
  "cloudtrail:ListTags",
];

function readStatements(i: UserPolicyIntent): (Statement | Optional<Statement[]>)[] {
  const bucket = bucketArn(i.partition, i.bucketName);
  const logs = `${i.keyPath}AWSLogs/`;
  const previous = i.previousKeyPaths ?? [];
  return [
    // DescribeTrails, ListTrails and LookupEvents support no resource-level permissions.
    { Sid: "ReadTrails", Effect: "Allow", Action: CLOUDTRAIL_READ, Resource: "*" },
    { Sid: "ReadLogObjects", Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket}/${logs}*` },
    { Sid: "ListLogObjects", Effect: "Allow", Action: "s3:ListBucket", Resource: bucket, Condition: { StringLike: { "s3:prefix": `${logs}*` } } },
    // The history under the prefixes the trail wrote to before (logArchive.previousKeyPrefixes).
    when(not(isEmpty(previous)), [
      { Sid: "ReadLogObjectsPreviousPrefixes", Effect: "Allow", Action: "s3:GetObject", Resource: forEachOf(previous, (kp) => `${bucket}/${kp}AWSLogs/*`, "key_path") },
      { Sid: "ListLogObjectsPreviousPrefixes", Effect: "Allow", Action: "s3:ListBucket", Resource: bucket, Condition: { StringLike: { "s3:prefix": forEachOf(previous, (kp) => `${kp}AWSLogs/*`, "key_path") } } },
    ] satisfies Statement[]),
    { Sid: "LocateLogBucket", Effect: "Allow", Action: "s3:GetBucketLocation", Resource: bucket },
    decryptLogsThroughS3(i),
  ];
}

/** Read-only: describe trails, get their status, look up events, read (list, get, decrypt) the log files. */
export function readOnlyUserPolicy(i: UserPolicyIntent): PolicyDocument {
  return { Version: POLICY_VERSION, Statement: readStatements(i) };
}

/**
 * Trail administration: everything read-only grants, plus creating, changing, starting and stopping this
 * account's trails and what CloudTrail checks when it creates an organization trail (the organization, trusted
 * access for CloudTrail, its service-linked role). Roles may be passed to CloudTrail only (CloudWatch Logs delivery).
 */
export function administrationUserPolicy(i: UserPolicyIntent): PolicyDocument {
  const trails = `arn:${i.partition}:cloudtrail:*:${i.managementAccountId}:trail/*`;
  const serviceLinkedRole = `arn:${i.partition}:iam::${i.managementAccountId}:role/aws-service-role/${SERVICE.cloudtrail}/*`;
  return {
    Version: POLICY_VERSION,
    Statement: [
      ...readStatements(i),
      {
        Sid: "AdministerTrails",
        Effect: "Allow",
        Action: [
          "cloudtrail:CreateTrail",
          "cloudtrail:UpdateTrail",
          "cloudtrail:DeleteTrail",
          "cloudtrail:StartLogging",
          "cloudtrail:StopLogging",
          "cloudtrail:PutEventSelectors",
          "cloudtrail:PutInsightSelectors",
          "cloudtrail:AddTags",
          "cloudtrail:RemoveTags",
        ],
        Resource: trails,
      },
      { Sid: "DescribeOrganization", Effect: "Allow", Action: ["organizations:DescribeOrganization", "organizations:ListAccounts", "organizations:ListAWSServiceAccessForOrganization"], Resource: "*" },
      {
        Sid: "EnableCloudTrailTrustedAccess",
        Effect: "Allow",
        Action: "organizations:EnableAWSServiceAccess",
        Resource: "*",
        Condition: { StringEquals: { "organizations:ServicePrincipal": SERVICE.cloudtrail } },
      },
      {
        Sid: "CloudTrailServiceLinkedRole",
        Effect: "Allow",
        Action: "iam:CreateServiceLinkedRole",
        Resource: serviceLinkedRole,
        Condition: { StringEquals: { "iam:AWSServiceName": SERVICE.cloudtrail } },
      },
      // Only CreateServiceLinkedRole sends iam:AWSServiceName: under that condition GetRole would never be allowed.
      { Sid: "ReadCloudTrailServiceLinkedRole", Effect: "Allow", Action: "iam:GetRole", Resource: serviceLinkedRole },
      {
        Sid: "PassRolesToCloudTrailOnly",
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: `arn:${i.partition}:iam::${i.managementAccountId}:role/*`,
        Condition: { StringEquals: { "iam:PassedToService": SERVICE.cloudtrail } },
      },
      { Sid: "ChooseDestinations", Effect: "Allow", Action: ["s3:ListAllMyBuckets", "kms:ListAliases", "sns:ListTopics", "logs:DescribeLogGroups", "iam:ListRoles"], Resource: "*" },
    ],
  };
}

/**
 * An explicit Deny on the organization trail of stopping, starting, deleting, updating it and changing its
 * selectors. Attached next to any Allow (an administrator's too), the Deny wins. StartLogging is denied as in
 * AWS's example: whoever holds this policy must not toggle logging either way.
 */
export function protectTrailPolicy(i: TrailOwner): PolicyDocument {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Sid: "DenyOrganizationTrailChanges",
        Effect: "Deny",
        Action: [...TRAIL_TAMPERING_ACTIONS, "cloudtrail:StartLogging"],
        Resource: trailArn(i.partition, i.homeRegion, i.managementAccountId, i.trailName),
      },
    ],
  };
}
