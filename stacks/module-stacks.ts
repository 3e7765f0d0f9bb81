import { App, TerraformLocal, TerraformOutput, TerraformStack } from "../modules/shared/facade";
import { DEFAULTS } from "../config/schema";
import { deferred } from "../modules/shared/document";
import { LogArchive } from "../modules/log-archive/log-archive";
import { OrganizationTrail } from "../modules/organization-trail/organization-trail";
import { address } from "../modules/shared/resources";
import { LOG_ARCHIVE_DOC, ORGANIZATION_TRAIL_DOC } from "./module-docs";
import { ModuleVariables, type VariableSpec } from "../modules/shared/variables";
import { toModule } from "./to-module";
import { finish, type ModuleBuild } from "./module-files";
import { buildTrailModuleOperations, keyDeliveryFromVariables, LOG_ARCHIVE_DELIVERY_VARIABLES, TRAIL_OPERATIONS_VARIABLES } from "./trail-module-operations";
import { buildAccessModules } from "./access-module-stacks";

export type { ModuleBuild } from "./module-files";

const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };

export const LOG_ARCHIVE_VARIABLES: readonly VariableSpec[] = [
  { name: "organization_id", type: "string", rules: "organizationId", description: "AWS Organizations ID (o-xxxxxxxxxx); member read access and KMS decrypt require aws:PrincipalOrgID to equal it." },
  { name: "management_account_id", type: "string", rules: "accountId", description: "Management account ID: owner of the organization trail, whose ARN every CloudTrail write is bound to." },
  { name: "log_archive_account_id", type: "string", rules: "accountId", description: "Account in which this module creates the bucket and key (the provider's account); administers the key." },
  { name: "partition", type: "string", default: DEFAULTS.partition, rules: "partition", description: "AWS partition of every ARN." },
  { name: "trail_name", type: "string", rules: "trailName", description: "Name of the organization trail that writes here." },
  { name: "trail_home_region", type: "string", rules: "region", description: "Home region of the trail; the bucket and key must be in it too." },
  { name: "bucket_name", type: "string", rules: "bucketName", description: "Name of the central CloudTrail log archive bucket." },
  { name: "s3_key_prefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix under which CloudTrail writes AWSLogs/ (no leading or trailing slash); null for none." },
  { name: "object_ownership", type: "string", default: DEFAULTS.objectOwnership, rules: "objectOwnership", description: "S3 Object Ownership: BucketOwnerEnforced (ACLs disabled) or BucketOwnerPreferred." },
  { name: "member_read_access", type: "bool", default: true, description: "Let each member account of the organization read (GetObject, prefix-scoped ListBucket, KMS Decrypt through S3) only its own logs." },
  { name: "member_principal_arn_pattern", type: "string", default: null, rules: "principalArnPattern", description: "Only member principals whose ARN matches this pattern may read, e.g. arn:aws:iam::*:role/LogReader; null for any." },
  { name: "member_principal_tag", type: "object({ key = string, value = string })", default: null, description: "Only member principals carrying this tag may read; null for any." },
  { name: "kms_key_arn", type: "string", default: null, rules: "kmsKeyArn", description: "ARN of an existing KMS key to use; null creates a key with the policy this module documents." },
  { name: "kms_alias_name", type: "string", default: DEFAULTS.kmsAlias, rules: "kmsAlias", description: "Alias of the created key." },
  { name: "kms_deletion_window_days", type: "number", default: DEFAULTS.deletionWindowDays, rules: "deletionWindowDays", description: "Waiting period before the created key is deleted." },
  { name: "lifecycle_transition_days", type: "number", default: DEFAULTS.transitionDays, rules: "days", description: "Days before log objects move to lifecycle_transition_storage_class." },
  { name: "lifecycle_transition_storage_class", type: "string", default: DEFAULTS.transitionStorageClass, rules: "storageClass", description: "Storage class log objects move to." },
  { name: "lifecycle_expiration_days", type: "number", default: DEFAULTS.expirationDays, rules: "days", description: "Days before log objects expire; not shorter than the Object Lock retention." },
  { name: "noncurrent_version_expiration_days", type: "number", default: DEFAULTS.noncurrentVersionExpirationDays, rules: "days", description: "Days before noncurrent object versions are removed." },
  { name: "abort_incomplete_multipart_upload_days", type: "number", default: DEFAULTS.abortIncompleteMultipartUploadDays, rules: "days", description: "Days before incomplete multipart uploads are aborted." },
  { name: "object_lock_mode", type: "string", default: null, rules: "objectLockMode", description: "GOVERNANCE or COMPLIANCE to enable Object Lock (only possible when the bucket is created); null for none." },
  { name: "object_lock_retention_days", type: "number", default: 365, rules: "days", description: "Default Object Lock retention in days, when object_lock_mode is set." },
  { name: "create_access_log_bucket", type: "bool", default: true, description: "Create a separate bucket for the archive bucket's S3 server access logs (CIS 3.4 / CKV_AWS_18)." },
  { name: "access_log_bucket_name", type: "string", default: null, rules: "bucketName", description: "Name of the access-log bucket; null for <bucket_name>-access-logs." },
  { name: "access_log_expiration_days", type: "number", default: DEFAULTS.accessLogExpirationDays, rules: "days", description: "Days before access log objects expire." },
  ...LOG_ARCHIVE_DELIVERY_VARIABLES,
  TAGS,
];

export const ORGANIZATION_TRAIL_VARIABLES: readonly VariableSpec[] = [
  { name: "trail_name", type: "string", rules: "trailName", description: "Name of the organization trail." },
  { name: "bucket_name", type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output, so the trail waits for its policy)." },
  { name: "s3_key_prefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix, the same as the log-archive module's; null for none." },
  { name: "kms_key_arn", type: "string", rules: "kmsKeyArn", description: "KMS key ARN (the log-archive module's kms_key_arn output, so the trail waits for the key policy)." },
  { name: "multi_region", type: "bool", default: true, description: "Log events of every region (CIS 3.1)." },
  { name: "include_global_service_events", type: "bool", default: true, description: "Log events of global services such as IAM." },
  { name: "log_file_validation", type: "bool", default: true, description: "Write digest files to prove log files unchanged (CIS 3.2)." },
  ...TRAIL_OPERATIONS_VARIABLES,
  TAGS,
];


/** The log-archive module: bucket, access-log bucket and key, from Terraform variables. */
export function buildLogArchiveModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "log-archive");
  const v = new ModuleVariables(stack, LOG_ARCHIVE_VARIABLES);
  const accessLogBucketName = `\${coalesce(var.access_log_bucket_name, "\${var.bucket_name}-access-logs")}`;
  // The key path before AWSLogs/, named once so policies and outputs read `${local.logs_key_path}AWSLogs/...`.
  new TerraformLocal(stack, "logs-key-path", `\${var.s3_key_prefix == null ? "" : "\${var.s3_key_prefix}/"}`).overrideLogicalId("logs_key_path");
  const archive = new LogArchive(stack, "log-archive", {
    partition: v.s("partition"),
    organizationId: v.s("organization_id"),
    managementAccountId: v.s("management_account_id"),
    homeRegion: v.s("trail_home_region"),
    trailName: v.s("trail_name"),
    logArchiveAccountId: v.s("log_archive_account_id"),
    bucketName: v.s("bucket_name"),
    keyPath: "${local.logs_key_path}",
    objectOwnership: v.s("object_ownership"),
    lifecycle: {
      transitionDays: v.n("lifecycle_transition_days"),
      transitionStorageClass: v.s("lifecycle_transition_storage_class"),
      expirationDays: v.n("lifecycle_expiration_days"),
      noncurrentVersionExpirationDays: v.n("noncurrent_version_expiration_days"),
      abortIncompleteMultipartUploadDays: v.n("abort_incomplete_multipart_upload_days"),
    },
    objectLock: { enabled: deferred(`${v.e("object_lock_mode")} != null`), mode: v.s("object_lock_mode"), retentionDays: v.n("object_lock_retention_days") },
    accessLogs: { enabled: deferred(v.e("create_access_log_bucket")), bucketName: accessLogBucketName, expirationDays: v.n("access_log_expiration_days") },
    key: {
      create: deferred(`${v.e("kms_key_arn")} == null`),
      existingKeyArn: v.s("kms_key_arn"),
      aliasName: v.s("kms_alias_name"),
      deletionWindowDays: v.n("kms_deletion_window_days"),
    },
    memberAccess: {
      enabled: deferred(v.e("member_read_access")),
      principalArnPattern: deferred(v.e("member_principal_arn_pattern")),
      principalTag: deferred(v.e("member_principal_tag")),
    },
    delivery: keyDeliveryFromVariables(v),
    tags: v.s("tags"),
  });

  const output = (id: string, value: string, description: string, waitForTrailPrerequisites = false) => {
    const o = new TerraformOutput(stack, `output-${id}`, { value, description });
    o.overrideLogicalId(id);
    if (waitForTrailPrerequisites) o.addOverride("depends_on", archive.readyForTrail.map(address));
  };
  output("bucket_name", v.s("bucket_name"), "Log archive bucket name; available once the bucket policy is in place, so a trail that uses it is created after.", true);
  output("bucket_arn", `arn:\${var.partition}:s3:::\${var.bucket_name}`, "ARN of the log archive bucket.");
  output("kms_key_arn", archive.trailKey.keyArn, "ARN of the KMS key (created or brought); available once the key policy is in place.", true);
  output("access_log_bucket_name", `\${var.create_access_log_bucket ? ${accessLogBucketName.slice(2, -1)} : null}`, "Bucket that receives the archive bucket's S3 server access logs; null when not created.");
  output("trail_arn", `arn:\${var.partition}:cloudtrail:\${var.trail_home_region}:\${var.management_account_id}:trail/\${var.trail_name}`, "The organization trail ARN every policy here is bound to (aws:SourceArn).");
  output("member_log_prefix", "${local.logs_key_path}AWSLogs/${var.organization_id}/<account-id>/", "Where each member account lists and reads its own logs (list with the trailing slash).");
  return finish("log-archive", stack, toModule(stack, v.nulls), LOG_ARCHIVE_DOC());
}

/** The organization-trail module, for the management account. */
export function buildOrganizationTrailModule(app: App): ModuleBuild {
  const stack = new TerraformStack(app, "organization-trail");
  const v = new ModuleVariables(stack, ORGANIZATION_TRAIL_VARIABLES);
  const ops = buildTrailModuleOperations(stack, v);
  const trail = new OrganizationTrail(stack, "trail", {
    trailName: v.s("trail_name"),
    bucketName: v.s("bucket_name"),
    s3KeyPrefix: v.s("s3_key_prefix"),
    kmsKeyArn: v.s("kms_key_arn"),
    multiRegion: v.s("multi_region"),
    includeGlobalServiceEvents: v.s("include_global_service_events"),
    logFileValidation: v.s("log_file_validation"),
    tags: v.s("tags"),
    operations: ops.trail,
    dependsOn: ops.readyForTrail,
  });
  const output = (id: string, value: string, description: string) => new TerraformOutput(stack, `output-${id}`, { value, description }).overrideLogicalId(id);
  output("trail_arn", `\${${trail.trail.terraformResourceType}.organization.arn}`, "ARN of the organization trail.");
  output("trail_home_region", `\${${trail.trail.terraformResourceType}.organization.home_region}`, "Home region of the trail.");
  output("trail_name", `\${${trail.trail.terraformResourceType}.organization.name}`, "Name of the trail.");
  return finish("organization-trail", stack, toModule(stack, v.nulls), ORGANIZATION_TRAIL_DOC());
}

/**
 * Every vendorable module, built in an app of its own: modules have no provider, so validation is skipped, and
 * they are written by `toModule`, never by cdktf (`scratchDir` only satisfies the App, which creates it).
 */
export function buildModules(scratchDir: string): ModuleBuild[] {
  const app = new App({ skipValidation: true, outdir: scratchDir });
  return [buildLogArchiveModule(app), buildOrganizationTrailModule(app), ...buildAccessModules(app)];
}
