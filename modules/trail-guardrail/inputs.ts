import { notEmpty } from "../shared/variable-rules";
import { HOME_REGION, MANAGEMENT, PARTITION, TAGS, TRAIL_NAME } from "../organization/variables";
import { TRAIL_KEY_DEFAULTS } from "../trail-key/config";
import type { VariableSpec } from "../shared/inputs";
import { exemptPrincipalsOf } from "./exemptions";
import { TRAIL_GUARDRAIL_DEFAULTS } from "./config";

/** The module's input table: one row per variable, with the config setting it stands for (see modules/shared/inputs.ts). */
export const TRAIL_GUARDRAIL_VARIABLES: readonly VariableSpec[] = [
  PARTITION,
  MANAGEMENT,
  HOME_REGION,
  TRAIL_NAME,
  { name: "target_ids", config: "trailGuardrail.targetIds", fromConfig: (c) => c.trailGuardrail?.targetIds ?? [], example: true, type: "list(string)", rules: [notEmpty], elementRules: "policyTargetId", description: "Root (r-xxxx), OU (ou-xxxx-xxxxxxxx) or account IDs the SCP is attached to; an SCP never applies to the management account." },
  {
    name: "exempt_principal_arns",
    config: "trailGuardrail.exemptPrincipalArns",
    fromConfig: (c) => exemptPrincipalsOf(c),
    example: true,
    type: "list(string)",
    default: [],
    elementRules: "exemptPrincipalArn",
    description:
      "Full ARNs of the roles exempt from the SCP: break glass, and the roles that deploy the trail (delegated administrator) and the archive (log-archive account) — list them, or the SCP blocks their next apply. A wildcard only as the whole name after a named path (arn:aws:iam::123456789012:role/break-glass/*). Nobody else in a targeted account may create or change these roles.",
  },
  { name: "protect_archive", config: "trailGuardrail.protectArchive", fromConfig: (c) => c.trailGuardrail?.protectArchive ?? TRAIL_GUARDRAIL_DEFAULTS.protectArchive, type: "bool", default: TRAIL_GUARDRAIL_DEFAULTS.protectArchive, description: "Also deny changing or deleting the archive bucket's policy and settings, the bucket, its log objects, and the trail key's policy, state, grants and alias." },
  { name: "data_perimeter", config: "trailGuardrail.dataPerimeter", fromConfig: (c) => c.trailGuardrail?.dataPerimeter ?? TRAIL_GUARDRAIL_DEFAULTS.dataPerimeter, example: true, type: "bool", default: TRAIL_GUARDRAIL_DEFAULTS.dataPerimeter, description: "Also attach the data-perimeter RCP to the targets: only principals of the organization act on the archive bucket and the trail key, AWS services only for the organization's resources, CloudTrail only for this trail. RCPs must be enabled in the organization (RESOURCE_CONTROL_POLICY policy type); they never apply to the management account's resources." },
  { name: "organization_id", config: "organization.id", example: true, type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx), the data perimeter's boundary." },
  { name: "log_archive_account_id", config: "logArchive.accountId", fromConfig: (c) => c.logArchive.accountId ?? c.organization.managementAccountId, example: true, type: "string", rules: "accountId", description: "Account that owns the log archive bucket and the created trail key." },
  { name: "bucket_name", config: "logArchive.bucketName", example: true, type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output)." },
  { name: "kms_key_arn", config: "encryption.kmsKey", fromConfig: (c) => (c.encryption.kmsKey === "create" ? null : c.encryption.kmsKey), type: "string", default: null, rules: "kmsKeyArn", description: "The brought trail key's ARN; null when the log-archive module creates the key (it is then matched by kms_alias_name among the log-archive account's keys in the home region, so the SCP stays known at plan time)." },
  { name: "kms_alias_name", config: "encryption.aliasName", type: "string", default: TRAIL_KEY_DEFAULTS.kmsAlias, rules: "kmsAlias", description: "Alias of the created trail key." },
  TAGS,
];
