import { CloudtrailOrganizationDelegatedAdminAccount, LocalBackend, S3Backend, TerraformOutput, type AwsProvider, type TerraformResource, type TerraformStack } from "../modules/shared/facade";
import { OPERATIONS_DEFAULTS, type AccountProvider } from "../config/operations-schema";
import type { Config } from "../config/schema";
import type { TrailOperationsProps } from "../modules/organization-trail/trail-operations";
import { TrailDelivery } from "../modules/trail-delivery/trail-delivery";
import { operationsOf } from "./operations-settings";

/** S3-native state locking (`use_lockfile`) needs Terraform 1.10. */
export const LOCKFILE_TERRAFORM_VERSION = ">= 1.10";

/** The deploy stack's state backend: local by default, or S3 (encrypted, optionally with S3-native locking). */
export function applyBackend(stack: TerraformStack, stackName: string, c: Config): void {
  const b = c.deployment.backend;
  if (b.type === "local") {
    new LocalBackend(stack, { path: b.path ?? `terraform.${stackName}.tfstate` });
    return;
  }
  new S3Backend(stack, {
    bucket: b.bucket,
    key: b.key ?? OPERATIONS_DEFAULTS.stateKey(stackName),
    region: b.region ?? c.organization.homeRegion,
    encrypt: b.encrypt,
    kmsKeyId: b.kmsKeyId,
    profile: b.profile,
    assumeRole: b.roleArn ? { roleArn: b.roleArn } : undefined,
  });
  if (b.useLockfile) {
    stack.addOverride("terraform.backend.s3.use_lockfile", true);
    stack.addOverride("terraform.required_version", LOCKFILE_TERRAFORM_VERSION);
  }
}

export type AccountRole = "management" | "logArchive" | "trailAdmin";

/**
 * Provider arguments for one account: profile, assumed role, and default tags (the top-level tags with the
 * account's own merged over them). Absent settings leave the provider to the usual credential chain.
 */
export function accountProviderSettings(c: Config, account: AccountRole) {
  const a: AccountProvider | undefined = c.deployment.accounts[account];
  const tags = { ...c.tags, ...(a?.defaultTags ?? {}) };
  return {
    profile: a?.profile,
    assumeRole: a?.assumeRoleArn ? [{ roleArn: a.assumeRoleArn, externalId: a.externalId, sessionName: a.sessionName }] : undefined,
    defaultTags: Object.keys(tags).length ? [{ tags }] : undefined,
  };
}

export interface TrailOperationsWiring {
  /** Registers the delegated administrator; its provider is the management account's. */
  readonly management: AwsProvider;
  /** The delegated administrator's provider, when one creates the trail. */
  readonly trailAdmin?: AwsProvider;
  /** The trail key's ARN, and the key resource when created here (the log group and topic wait for its policy). */
  readonly trailKeyArn: string;
  readonly trailKey?: TerraformResource;
}

export interface TrailOperations {
  readonly trail: TrailOperationsProps;
  /** What the trail waits for besides the bucket and key: delivery targets and the admin registration. */
  readonly readyForTrail: TerraformResource[];
}

/**
 * The deploy stack's operations: the delegated administrator's registration (management account), the delivery
 * targets (in the account that creates the trail), and the trail's selectors and Insights.
 */
export function addTrailOperations(stack: TerraformStack, c: Config, w: TrailOperationsWiring): TrailOperations {
  const ops = operationsOf(c);
  const ready: TerraformResource[] = [];

  if (ops.trailAdminAccountId) {
    // Registers through CloudTrail (not only Organizations), which also creates CloudTrail's service-linked role.
    const registration = new CloudtrailOrganizationDelegatedAdminAccount(stack, "trail-admin-registration", { accountId: ops.trailAdminAccountId, provider: w.management });
    registration.overrideLogicalId("trail_admin");
    ready.push(registration);
  }

  const keyOf = (choice: string) => (choice === "trail" ? w.trailKeyArn : choice);
  const delivery = new TrailDelivery(stack, "delivery", {
    ...ops,
    cloudWatchLogs: ops.cloudWatchLogs && { enabled: true, ...ops.cloudWatchLogs, kmsKeyArn: keyOf(ops.cloudWatchLogs.kmsKey) },
    snsTopic: ops.snsTopic && { enabled: true, topicName: ops.snsTopic.topicName, kmsKeyArn: keyOf(ops.snsTopic.kmsKey) },
    keyReady: w.trailKey ? [w.trailKey] : [],
    provider: w.trailAdmin,
  });
  ready.push(...delivery.readyForTrail);

  const output = (id: string, value: string, description: string) => new TerraformOutput(stack, `output-${id}`, { value, description }).overrideLogicalId(id);
  if (ops.trailAdminAccountId) output("trail_admin_account_id", ops.trailAdminAccountId, "CloudTrail delegated administrator that creates and manages the trail (owned by the management account).");
  if (ops.cloudWatchLogs) output("cloud_watch_logs_group_arn", ops.cloudWatchLogs.logGroupArn, "CloudWatch Logs log group that receives the trail's events (for metric filters and alarms).");
  if (ops.snsTopic) output("sns_topic_arn", ops.snsTopic.topicArn, "SNS topic notified of every log file delivery.");

  return { trail: { ...delivery.trailSettings, advancedEventSelectors: ops.selectorBlocks, insightTypes: ops.insightTypes }, readyForTrail: ready };
}
