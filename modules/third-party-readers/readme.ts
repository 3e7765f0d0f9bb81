import { resolveDocument } from "../shared/document";
import { LIMITS, measure } from "../shared/limits";
import type { ModuleDoc } from "../shared/module-doc";
import { CKV_AWS_61, example, KMS_NOTE, sizesAtExample } from "../shared/access-docs";
import { logReaderPolicy } from "../member-reader-roles/reader-policies";
import { accessLocation } from "../trail-key/reader-key";
import { thirdPartyReadersPolicies } from "./policies";

/** What one more account in a third party's `accounts` adds to its policy, and how many accounts fit, at the example values. */
function readerGrowth(): { perAccount: number; fit: number } {
  const size = (n: number) =>
    measure("", resolveDocument(logReaderPolicy({ ...accessLocation(example()), allAccounts: false, accounts: Array.from({ length: n }, (_, i) => String(300000000000 + i)) })), "inlinePoliciesPerRole").size;
  const perAccount = size(2) - size(1);
  return { perAccount, fit: 1 + Math.floor((LIMITS.inlinePoliciesPerRole.limit - size(1)) / perAccount) };
}

export const THIRD_PARTY_READERS_DOC = (): ModuleDoc => ({
  title: "orgtrail third-party-readers",
  purpose:
    "A reader role per third party (a SIEM vendor, an auditor), in the log-archive account (AWS's scenario 2 for sharing CloudTrail log files): trusted by the third party's account only with the external ID it issued, and allowed to read the granted account folders of the log archive (every account's by default) and nothing else of the bucket. Each third party is one `for_each` instance keyed by its role name.",
  provider: "aws.log_archive",
  policies: sizesAtExample(thirdPartyReadersPolicies),
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

