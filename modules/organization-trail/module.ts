import type { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { ref } from "../shared/resources";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { buildTrailModuleOperations, TRAIL_OPERATIONS_VARIABLES } from "./module-operations";
import { OrganizationTrail } from "./organization-trail";
import { organizationTrailProps } from "./props";
import { ORGANIZATION_TRAIL_DOC } from "./readme";
import { checkWiring, LOG_ARCHIVE_WIRING } from "./wiring";

const TAGS: VariableSpec = { name: "tags", type: "map(string)", default: {}, description: "Tags for every resource this module creates." };

export const ORGANIZATION_TRAIL_VARIABLES: readonly VariableSpec[] = [
  { name: "trail_name", config: "trail.name", example: true, type: "string", rules: "trailName", description: "Name of the organization trail." },
  { name: "bucket_name", config: "logArchive.bucketName", example: "module.log_archive.bucket_name", type: "string", rules: "bucketName", description: "Log archive bucket (the log-archive module's bucket_name output, so the trail waits for its policy)." },
  { name: "s3_key_prefix", config: "logArchive.keyPrefix", type: "string", default: null, rules: "keyPrefix", description: "S3 key prefix, the same as the log-archive module's; null for none." },
  { name: "kms_key_arn", config: "encryption.kmsKey", fromConfig: (c) => (c.encryption.kmsKey === "create" ? undefined : c.encryption.kmsKey), example: "module.log_archive.kms_key_arn", type: "string", rules: "kmsKeyArn", description: "KMS key ARN (the log-archive module's kms_key_arn output, so the trail waits for the key policy)." },
  { name: "multi_region", config: "trail.multiRegion", type: "bool", default: true, description: "Log events of every region (CIS 3.1)." },
  { name: "include_global_service_events", config: "trail.includeGlobalServiceEvents", type: "bool", default: true, description: "Log events of global services such as IAM." },
  { name: "log_file_validation", config: "trail.logFileValidation", type: "bool", default: true, description: "Write digest files to prove log files unchanged (CIS 3.2)." },
  ...TRAIL_OPERATIONS_VARIABLES,
  { ...LOG_ARCHIVE_WIRING, example: "module.log_archive.trail_wiring" },
  TAGS,
];

/** The organization-trail module, for the management account. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const ops = buildTrailModuleOperations(stack, v);
  const trail = new OrganizationTrail(stack, "trail", { ...organizationTrailProps(v), operations: ops.trail, dependsOn: ops.readyForTrail });
  checkWiring(trail.trail);
  output(stack, "trail_arn", ref(trail.trail, "arn"), "ARN of the organization trail.");
  output(stack, "trail_home_region", ref(trail.trail, "home_region"), "Home region of the trail.");
  output(stack, "trail_name", ref(trail.trail, "name"), "Name of the trail.");
}

export const organizationTrailModule = (): ModuleDefinition => ({ name: "organization-trail", variables: ORGANIZATION_TRAIL_VARIABLES, build, doc: ORGANIZATION_TRAIL_DOC });
