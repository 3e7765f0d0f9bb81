import { EXAMPLE_CONFIG } from "../config/example";
import { memberRoleName } from "../config/access-schema";
import { parseConfig } from "../config/load";
import type { ConfigInput } from "../config/schema";
import { resolveDocument } from "../modules/shared/document";
import { LIMITS, measure, type SizeReport } from "../modules/shared/limits";
import { logReaderPolicy } from "../modules/member-reader-roles/reader-policies";
import { trailGuardrailScp } from "../modules/trail-guardrail/guardrail-scp";
import { accessPoliciesOf } from "./access-policy-sizes";
import { accessLocation } from "./access-settings";
import type { ModuleDoc } from "./module-readme";

/**
 * The access modules' READMEs. Their usage snippets and policy sizes come from one example: the embedded example
 * organization with a log-archive account and the access sections of docs/access.md, so the sizes are measured at
 * exactly the values the snippets show.
 */
export const EXAMPLE_ACCESS = {
  ...EXAMPLE_CONFIG,
  logArchive: { ...EXAMPLE_CONFIG.logArchive, accountId: "222222222222" },
  memberRoles: [{ accountId: "333333333333", requireMfa: true }, { accountId: "444444444444", roleName: "AuditReader", maxSessionDurationSeconds: 7200 }],
  thirdPartyReaders: [
    { name: "SiemVendor", accountId: "999999999999", externalId: "siem-ext-id-1234" },
    { name: "Auditor", accountId: "888888888888", externalId: "aud:1/2", requireMfa: true, accounts: ["333333333333", "444444444444"] },
  ],
  userPolicies: {},
  trailGuardrail: { targetIds: ["r-ab12", "ou-ab12-abcd1234"], breakGlassRoleName: "BreakGlass" },
} satisfies ConfigInput;

const example = () => parseConfig(EXAMPLE_ACCESS, "embedded access example");

/** A config entry as a module map entry: the fields that are set, snake_case. */
const snake = (entry: Record<string, unknown>, omit: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entry).filter(([k]) => k !== omit).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

const { organization, logArchive, trail } = EXAMPLE_ACCESS;
const LOCATION = {
  organization_id: organization.id,
  management_account_id: organization.managementAccountId,
  log_archive_account_id: logArchive.accountId,
  trail_home_region: organization.homeRegion,
  bucket_name: logArchive.bucketName,
};

function sizes(names: (name: string) => boolean): SizeReport[] {
  return accessPoliciesOf(example())
    .filter((p) => names(p.name))
    .map((p) => measure(p.name, p.document, p.kind));
}
const ofRoles = (roles: string[]) => sizes((n) => roles.some((r) => n === `role ${r} trust` || n === `role ${r} inline`));

/** What one more account in a third party's `accounts` adds to its policy, and how many accounts fit, at the example values. */
function readerGrowth(): { perAccount: number; fit: number } {
  const size = (n: number) =>
    measure("", resolveDocument(logReaderPolicy({ ...accessLocation(example()), allAccounts: false, accounts: Array.from({ length: n }, (_, i) => String(300000000000 + i)) })), "inlinePoliciesPerRole").size;
  const perAccount = size(2) - size(1);
  return { perAccount, fit: 1 + Math.floor((LIMITS.inlinePoliciesPerRole.limit - size(1)) / perAccount) };
}

/** The guardrail SCP with the longest trail and break-glass role names the variables allow. */
function largestGuardrail(): number {
  const c = example();
  const doc = trailGuardrailScp({ partition: c.organization.partition, managementAccountId: c.organization.managementAccountId, homeRegion: c.organization.homeRegion, trailName: "t".repeat(128), breakGlass: { enabled: true, roleName: "r".repeat(64) } });
  return measure("", resolveDocument(doc), "scp").size;
}

const CKV_AWS_61 =
  "checkov's CKV_AWS_61 fails every trust policy whose principal is an account root, whatever its conditions. These roles are `:root` trusts by design, as AWS documents for sharing logs: `:root` trusts the account (whose administrators decide who may call `sts:AssumeRole`), never its root user. Waive the check for this folder only (`checkov --skip-check CKV_AWS_61`; checkov cannot read comments in `*.tf.json`).";

const KMS_NOTE =
  "Keep `kms_key_arn` null to keep the policy readable in `terraform plan` (it then names the log-archive account's keys in the home region, still only through S3 and under CloudTrail's encryption context); the log-archive module's `kms_key_arn` output is known only once the key exists.";

export const MEMBER_READER_ROLES_DOC = (): ModuleDoc => ({
  title: "orgtrail member-reader-roles",
  purpose:
    "A reader role per member account, in the log-archive account (AWS's scenario 1 for sharing CloudTrail log files): trusted by that member account only, with MFA when asked, and allowed to read that account's folder of the log archive and nothing else. Each member is one `for_each` instance keyed by its account ID, so adding or removing a member changes no other role.",
  provider: "aws.log_archive",
  example: { ...LOCATION, member_roles: Object.fromEntries(EXAMPLE_ACCESS.memberRoles.map((m) => [m.accountId, snake(m, "accountId")])) },
  policies: ofRoles(example().memberRoles.map(memberRoleName)),
  access: [
    "Principals of member account `<account-id>` (the map key) whose own identity policy allows `sts:AssumeRole` on the role: assume the role `role_name` (default `OrgTrailLogReader-<account-id>`) for at most `max_session_duration_seconds`. The trust names `arn:<partition>:iam::<account-id>:root`, which trusts the account, never its root user; with `require_mfa`, only sessions signed in with MFA (`Bool aws:MultiFactorAuthPresent = true`, not `BoolIfExists`).",
    "No other account and no other principal may assume the role.",
    "The role: `s3:GetObject` under `<prefix>/AWSLogs/<organization_id>/<account-id>/`, `s3:ListBucket` of the bucket with `s3:prefix` inside that folder, `kms:Decrypt` only through S3 in the home region (`kms:ViaService`) and only under CloudTrail's encryption context for the management account's trails.",
    "The role, explicitly denied: `s3:GetObject` of any object outside its folder (in any bucket) and `s3:ListBucket` of the bucket with any other prefix. The Deny matters: the bucket policy lets every organization principal read its own account's folder, which for a role living in the log-archive account would be the log-archive account's folder.",
  ],
  notes: [
    "Deploy with the log-archive account's provider (`providers = { aws = aws.log_archive }`).",
    "The caller needs `sts:AssumeRole` on its role (`role_arns` output) in an identity policy of its own account, and an MFA session when `require_mfa`; then it lists `<prefix>/AWSLogs/<organization_id>/<account-id>/` with the trailing slash.",
    KMS_NOTE,
    CKV_AWS_61,
  ],
});

export const THIRD_PARTY_READERS_DOC = (): ModuleDoc => ({
  title: "orgtrail third-party-readers",
  purpose:
    "A reader role per third party (a SIEM vendor, an auditor), in the log-archive account (AWS's scenario 2 for sharing CloudTrail log files): trusted by the third party's account only with the external ID it issued, and allowed to read the granted account folders of the log archive (every account's by default) and nothing else of the bucket. Each third party is one `for_each` instance keyed by its role name.",
  provider: "aws.log_archive",
  example: { ...LOCATION, third_party_readers: Object.fromEntries(EXAMPLE_ACCESS.thirdPartyReaders.map((t) => [t.name, snake(t, "name")])) },
  policies: ofRoles(EXAMPLE_ACCESS.thirdPartyReaders.map((t) => t.name)),
  policyGrowth: (({ perAccount, fit }) =>
    `A role's inline policy grows with each account in \`accounts\`: ${perAccount} characters at the example values, so ${fit} accounts fit the ${LIMITS.inlinePoliciesPerRole.limit}-character limit (fewer with a long bucket name or key prefix). A precondition on \`aws_iam_role_policy.third_party_reader\` refuses a policy over the limit at plan time. Leave \`accounts\` null to read every account with a policy of constant size.`)(readerGrowth()),
  access: [
    "The third party's account `account_id`, and only when the call presents exactly the external ID it issued (`StringEquals sts:ExternalId = external_id`), with MFA when `require_mfa` (`Bool aws:MultiFactorAuthPresent = true`): assume the role named by the map key. The third party's administrators decide which of its principals may; they need `sts:AssumeRole` on the role in their identity policy.",
    "No other account may assume the role, and the third party may not without the external ID (the confused-deputy protection).",
    "The role: `s3:GetObject` under `<prefix>/AWSLogs/<organization_id>/<account>/` for each account in `accounts`, or under `<prefix>/AWSLogs/<organization_id>/` (every account) when `accounts` is null; `s3:ListBucket` of the bucket with `s3:prefix` inside the same folders; `kms:Decrypt` only through S3 in the home region and only under CloudTrail's encryption context. Never `s3:*`, never the whole bucket.",
    "The role, explicitly denied: `s3:GetObject` of any object outside those folders (in any bucket) and `s3:ListBucket` of the bucket with any other prefix.",
  ],
  notes: [
    "Deploy with the log-archive account's provider (`providers = { aws = aws.log_archive }`).",
    "The management and log-archive accounts are not third parties: a precondition on `aws_iam_role.third_party_reader` refuses them as `account_id` at plan time.",
    "Give the third party its role ARN (`role_arns` output) and have it call `sts:AssumeRole` with `--external-id`; it lists with the account folder and the trailing slash.",
    KMS_NOTE,
    CKV_AWS_61,
  ],
});

export const CLOUDTRAIL_USER_POLICIES_DOC = (): ModuleDoc => ({
  title: "orgtrail cloudtrail-user-policies",
  purpose:
    "Customer managed IAM policies for the people who operate CloudTrail, in the management account: `OrgTrailCloudTrailReadOnly`, `OrgTrailCloudTrailAdministration` and `OrgTrailProtectOrganizationTrail`. Narrower than AWS's examples (no `s3:*`, no `sns:*`, no bucket creation). The module attaches them to nobody: attach them to your operators' groups or roles.",
  example: {
    management_account_id: organization.managementAccountId,
    log_archive_account_id: logArchive.accountId,
    trail_home_region: organization.homeRegion,
    trail_name: trail.name,
    bucket_name: logArchive.bucketName,
  },
  policies: sizes((n) => ["CloudTrail read-only policy", "CloudTrail administration policy", "protect-trail policy"].includes(n)),
  access: [
    "Whoever holds `OrgTrailCloudTrailReadOnly`: describe and list trails, get their status, selectors and tags, look up events (on `*`: describing, listing trails and looking up events support no resource scope); `s3:GetObject` under `<prefix>/AWSLogs/`, `s3:ListBucket` with that prefix and `s3:GetBucketLocation` of the bucket; `kms:Decrypt` only through S3 in the home region under CloudTrail's encryption context. With a separate log-archive account, the bucket policy still limits a management-account principal to the management account's folder.",
    "Whoever holds `OrgTrailCloudTrailAdministration`: the read-only rights, plus creating, updating, deleting, starting and stopping the management account's trails (`arn:<partition>:cloudtrail:*:<management_account_id>:trail/*`) and changing their selectors and tags; describing the organization and listing its accounts; enabling trusted access for CloudTrail only; creating and reading CloudTrail's service-linked role; passing roles to CloudTrail only (`iam:PassedToService`). No bucket, topic or log-group administration.",
    "Whoever holds `OrgTrailProtectOrganizationTrail`: denied `StopLogging`, `StartLogging`, `DeleteTrail`, `UpdateTrail`, `PutEventSelectors` and `PutInsightSelectors` on the organization trail `arn:<partition>:cloudtrail:<trail_home_region>:<management_account_id>:trail/<trail_name>`. The Deny wins over any Allow, an administrator's included.",
  ],
  notes: [
    "Deploy with the management account's provider.",
    "Set `create_read_only_policy`, `create_administration_policy` or `create_protect_trail_policy` to false to leave that policy out; its ARN output is then null.",
    "The management account is beyond the reach of SCPs (see the trail-guardrail module): attach `OrgTrailProtectOrganizationTrail` to everyone there who must not touch the trail.",
    KMS_NOTE,
  ],
});

export const TRAIL_GUARDRAIL_DOC = (): ModuleDoc => {
  const g = EXAMPLE_ACCESS.trailGuardrail;
  return {
    title: "orgtrail trail-guardrail",
    purpose:
      "A service control policy that keeps anyone in the accounts under its targets from switching the organization trail off or changing it, except a break-glass role; attached to each target (one attachment per target ID, so adding a target changes no other). It matters most for a delegated CloudTrail administrator account, which may otherwise manage the organization trail.",
    example: { management_account_id: organization.managementAccountId, trail_home_region: organization.homeRegion, trail_name: trail.name, target_ids: g.targetIds, break_glass_role_name: g.breakGlassRoleName },
    policies: sizes((n) => n === "trail guardrail SCP"),
    policyGrowth: `It grows only with the trail name and the break-glass role name: about ${largestGuardrail()} characters with the longest names the variables allow (a 128-character trail name and a 64-character role name).`,
    access: [
      "Every principal of the accounts under `target_ids` (the organization root, OUs or accounts), a delegated administrator's included: denied `cloudtrail:StopLogging`, `DeleteTrail`, `UpdateTrail`, `PutEventSelectors` and `PutInsightSelectors` on the organization trail `arn:<partition>:cloudtrail:<trail_home_region>:<management_account_id>:trail/<trail_name>`.",
      "Roles named `break_glass_role_name`, in any account, with or without a path (`ArnNotLike aws:PrincipalArn` on `arn:<partition>:iam::*:role/<name>` and `.../role/*/<name>`): exempt. Without it, nobody is.",
      "The management account and service principals: never affected, whatever the targets. SCPs do not apply to them: protect the management account with `OrgTrailProtectOrganizationTrail` (cloudtrail-user-policies module).",
    ],
    notes: [
      "Deploy with the management account's provider (or a delegated policy administrator's). SCPs must be enabled in the organization (`SERVICE_CONTROL_POLICY` policy type on the root).",
      "An SCP only limits: the principals still need an Allow in their own policies for anything the SCP does not deny.",
      "The SCP grants nothing and names no principal, so no scanner waiver is needed.",
    ],
  };
};
