import type { Inputs } from "../shared/inputs";
import { accountKeysPattern } from "../member-reader-roles/reader-policies";
import { coalesce, isNull, toTemplate } from "../shared/value";
import type { TrailGuardrailProps } from "./trail-guardrail";

/** The guardrail's props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const trailGuardrailProps = (v: Inputs): TrailGuardrailProps => ({
  partition: v.s("partition"),
  managementAccountId: v.s("management_account_id"),
  homeRegion: v.s("trail_home_region"),
  trailName: v.s("trail_name"),
  exemptPrincipalArns: v.value("exempt_principal_arns"),
  protectArchive: v.value("protect_archive"),
  archive: {
    bucketName: v.s("bucket_name"),
    keyCreated: isNull(v.value("kms_key_arn")),
    keyArn: toTemplate(coalesce(v.value("kms_key_arn"), accountKeysPattern(v.s("partition"), v.s("trail_home_region"), v.s("log_archive_account_id")))),
    keyAlias: v.s("kms_alias_name"),
    keyAliasArn: `arn:${v.s("partition")}:kms:${v.s("trail_home_region")}:${v.s("log_archive_account_id")}:${v.s("kms_alias_name")}`,
  },
  dataPerimeter: v.value("data_perimeter"),
  organizationId: v.s("organization_id"),
  targetIds: v.value("target_ids"),
  tags: v.value("tags"),
});
