import { AwsProvider, Construct, TerraformOutput, TerraformStack } from "../modules/shared/facade";
import type { Config } from "../config/schema";
import { bucketArn, keyPath, trailArn } from "../modules/shared/arns";
import { LogArchive } from "../modules/log-archive/log-archive";
import { OrganizationTrail } from "../modules/organization-trail/organization-trail";
import { settingsOf } from "./settings";
import { accountProviderSettings, addTrailOperations, applyBackend, type AccountRole } from "./deploy-operations";
import { keyDeliveryOf } from "./operations-settings";
import { AccessResources } from "./access-deploy";
import { PROVIDER_VERSION_RANGE, TERRAFORM_VERSION_RANGE } from "./to-module";

export const DEPLOY_STACK_NAME = "org-cloudtrail";

/**
 * The deployable root: the log archive in the log-archive account (an aliased provider when it is not the
 * management account) and the organization trail in the management account.
 */
export class OrgCloudTrailStack extends TerraformStack {
  readonly logArchive: LogArchive;
  readonly trail: OrganizationTrail;

  constructor(scope: Construct, name: string, config: Config) {
    super(scope, name);
    const s = settingsOf(config);
    // cdktf pins the exact provider version it was built with; users need the supported range.
    this.addOverride("terraform.required_providers.aws", { source: "hashicorp/aws", version: PROVIDER_VERSION_RANGE });
    this.addOverride("terraform.required_version", TERRAFORM_VERSION_RANGE);
    applyBackend(this, name, config);

    const provider = (id: string, accountId: string, account: AccountRole, alias?: string) =>
      new AwsProvider(this, id, {
        alias,
        region: s.homeRegion,
        allowedAccountIds: [accountId],
        ...accountProviderSettings(config, account),
      });
    const management = provider("aws", s.managementAccountId, "management");
    const archiveProvider = s.separateLogArchiveAccount ? provider("log_archive", s.logArchiveAccountId, "logArchive", "log_archive") : management;
    const admin = config.organization.trailAdminAccountId;
    const trailAdmin = admin ? provider("trail_admin", admin, "trailAdmin", "trail_admin") : undefined;

    this.logArchive = new LogArchive(this, "log-archive", {
      ...s,
      keyPath: keyPath(s.keyPrefix),
      key: {
        create: s.createKey,
        existingKeyArn: s.createKey ? undefined : config.encryption.kmsKey,
        aliasName: config.encryption.aliasName,
        deletionWindowDays: config.encryption.deletionWindowDays,
      },
      accessLogs: { ...config.logArchive.accessLogs, bucketName: s.accessLogBucketName },
      provider: s.separateLogArchiveAccount ? archiveProvider : undefined,
      delivery: keyDeliveryOf(config),
    });
    const ops = addTrailOperations(this, config, { management, trailAdmin, trailKeyArn: this.logArchive.trailKey.keyArn, trailKey: this.logArchive.trailKey.key });

    this.trail = new OrganizationTrail(this, "trail", {
      trailName: s.trailName,
      bucketName: s.bucketName,
      s3KeyPrefix: s.keyPrefix,
      kmsKeyArn: this.logArchive.trailKey.keyArn,
      multiRegion: config.trail.multiRegion,
      includeGlobalServiceEvents: config.trail.includeGlobalServiceEvents,
      logFileValidation: config.trail.logFileValidation,
      dependsOn: [...this.logArchive.readyForTrail, ...ops.readyForTrail],
      operations: ops.trail,
      provider: trailAdmin,
    });
    new AccessResources(this, "access", config, { logArchive: s.separateLogArchiveAccount ? archiveProvider : undefined });

    const output = (id: string, value: string, description: string) => new TerraformOutput(this, `output-${id}`, { value, description }).overrideLogicalId(id);
    output("trail_arn", trailArn(s.partition, s.homeRegion, s.managementAccountId, s.trailName), "ARN of the organization trail (aws:SourceArn of every CloudTrail write).");
    output("bucket_name", s.bucketName, "Central CloudTrail log archive bucket.");
    output("bucket_arn", bucketArn(s.partition, s.bucketName), "ARN of the log archive bucket.");
    output("kms_key_arn", this.logArchive.trailKey.keyArn, "KMS key that encrypts the trail's log files.");
    output("member_log_prefix", `${keyPath(s.keyPrefix)}AWSLogs/${s.organizationId}/<account-id>/`, "Where each member account lists and reads its own logs (with the trailing slash).");
  }
}
