import { resolveDocument } from "../shared/document";
import { measure } from "../shared/limits";
import type { ModuleDoc } from "../shared/module-doc";
import { sizesAtExample } from "../shared/access-docs";
import { trailGuardrailScp } from "./guardrail-scp";
import { dataPerimeterRcp } from "./perimeter-rcp";
import { trailGuardrailPolicies } from "./policies";
import { MAX_EXEMPT_PRINCIPALS } from "./config";

/** A role ARN of the longest name without a path, in the partition with the longest name. */
export const LONG_EXEMPT_ARN = (n: number): string => `arn:aws-us-gov:iam::${String(n).padStart(12, "0")}:role/${"r".repeat(64)}`;

/**
 * The guardrail SCP with archive protection, the longest trail, bucket and alias names the variables allow, a
 * created key, and `exempt` exempt roles of the longest name (no path).
 */
export function largestGuardrail(exempt: number): number {
  const doc = trailGuardrailScp({
    partition: "aws-us-gov",
    managementAccountId: "111111111111",
    homeRegion: "us-gov-west-1",
    trailName: "t".repeat(128),
    exemptPrincipalArns: Array.from({ length: exempt }, (_, i) => LONG_EXEMPT_ARN(i + 1)),
    protectArchive: true,
    archive: { bucketName: "b".repeat(63), keyCreated: true, keyArn: "arn:aws-us-gov:kms:us-gov-west-1:222222222222:key/*", keyAlias: `alias/${"a".repeat(250)}`, keyAliasArn: `arn:aws-us-gov:kms:us-gov-west-1:222222222222:alias/${"a".repeat(250)}` },
  });
  return measure("", resolveDocument(doc), "scp").size;
}

/** The data-perimeter RCP at the longest organization ID, trail and bucket names. */
export function largestPerimeter(): number {
  const doc = dataPerimeterRcp({
    partition: "aws-us-gov",
    organizationId: `o-${"a".repeat(32)}`,
    managementAccountId: "111111111111",
    homeRegion: "us-gov-west-1",
    trailName: "t".repeat(128),
    bucketName: "b".repeat(63),
    keyArn: "arn:aws-us-gov:kms:us-gov-west-1:222222222222:key/*",
  });
  return measure("", resolveDocument(doc), "rcp").size;
}

export const TRAIL_GUARDRAIL_DOC = (): ModuleDoc => {
  return {
    title: "orgtrail trail-guardrail",
    purpose:
      "A service control policy that keeps every principal of the accounts under its targets, except the exact roles it exempts, from switching the organization trail off or changing it, from creating or changing the exempt roles, and (with `protect_archive`, the default) from changing or deleting the log archive bucket's policy and settings, the bucket, its log objects and the trail key's policy, state, grants and alias. Attached to each target (one attachment per target ID, so adding a target changes no other). It matters most for a delegated CloudTrail administrator account, which may otherwise manage the organization trail, and for the log-archive account, whose administrators may otherwise stop delivery or delete logs.",
    policies: sizesAtExample(trailGuardrailPolicies),
    policyGrowth: `It grows with the names and with every exempt role, which appears in each statement: about ${largestGuardrail(0)} characters with archive protection and the longest trail, bucket and alias names the variables allow (128, 63 and 256 characters) and no exemption, about ${largestGuardrail(1) - largestGuardrail(0)} more per exempt role of the longest name (64 characters, no path): ${largestGuardrail(MAX_EXEMPT_PRINCIPALS + 2)} characters with ${MAX_EXEMPT_PRINCIPALS + 2} of them (the most a config allows: ${MAX_EXEMPT_PRINCIPALS} listed and two deploying roles), of the 5,120 an SCP may have. A plan whose SCP is longer fails with its size. The data-perimeter RCP grows only with the names: about ${largestPerimeter()} characters at the longest.`,
    access: [
      "Every principal of the accounts under `target_ids` (the organization root, OUs or accounts), a delegated administrator's included, except `exempt_principal_arns`: denied `cloudtrail:StopLogging`, `DeleteTrail`, `UpdateTrail`, `PutEventSelectors` and `PutInsightSelectors` on the organization trail `arn:<partition>:cloudtrail:<trail_home_region>:<management_account_id>:trail/<trail_name>`.",
      "The same principals: denied creating, deleting, updating, tagging, re-policing (trust, inline, attached, boundary) and passing the exempt roles (`iam:CreateRole`, `UpdateAssumeRolePolicy`, `PutRolePolicy`, `AttachRolePolicy`, `PassRole`, … on those ARNs): nobody in a targeted account can create a role that matches an exemption or take one over. The exempt roles may change each other.",
      "With `protect_archive`: the same principals are denied `s3:PutBucketPolicy`, `DeleteBucketPolicy`, `PutBucketOwnershipControls`, `PutBucketPublicAccessBlock`, `PutBucketVersioning`, `PutEncryptionConfiguration`, `PutLifecycleConfiguration`, `PutBucketLogging`, `PutBucketObjectLockConfiguration`, `PutBucketAcl`, `DeleteBucket`, `DeleteObject`, `DeleteObjectVersion` and `BypassGovernanceRetention` on `<bucket_name>` and its objects, and `kms:PutKeyPolicy`, `DisableKey`, `ScheduleKeyDeletion`, `CreateGrant`, `DisableKeyRotation`, `DeleteAlias` and `UpdateAlias` on the trail key (`kms_key_arn`; a created key, whose ARN is known only after apply, by its alias `kms_alias_name` among the log-archive account's keys in the home region).",
      "`exempt_principal_arns`: exempt from every statement, by exact ARN (`ArnNotLike aws:PrincipalArn`; a role session's principal ARN is its role's). Without any, nobody is.",
      "The management account, service principals and service-linked roles: never affected, whatever the targets. SCPs do not apply to them: protect the management account with `OrgTrailProtectOrganizationTrail` (cloudtrail-user-policies module).",
      "With `data_perimeter`, a resource control policy on the same targets: on the archive bucket, its objects and the trail key (a created key: every key of the log-archive account in the home region), every `s3:*` and `kms:*` request is denied to principals outside `organization_id`, to AWS services acting for a resource outside it (`aws:SourceOrgID`, when `aws:SourceAccount` is sent) and to CloudTrail acting for any trail but this one (`aws:SourceArn`). RCPs never apply to the management account's resources nor to service-linked roles.",
    ],
    notes: [
      "Deploy with the management account's provider (or a delegated policy administrator's). SCPs must be enabled in the organization (`SERVICE_CONTROL_POLICY` policy type on the root), and RCPs for `data_perimeter` (`RESOURCE_CONTROL_POLICY`).",
      "List the roles that deploy the organization trail (a delegated administrator's) and the archive (the log-archive account's) in `exempt_principal_arns`, or the SCP denies their next apply; create the exempt roles before the SCP is attached, or from an exempt role.",
      "Call this module after the organization trail (`depends_on = [module.organization_trail]`): the trail's selectors and Insights are set right after CreateTrail, and the trail is destroyed before the SCP is detached.",
      "An SCP only limits: the principals still need an Allow in their own policies for anything the SCP does not deny.",
      "The SCP grants nothing and names no principal, so no scanner waiver is needed.",
    ],
  };
};
