import { AwsProvider, LocalBackend, S3Backend, type TerraformStack } from "../shared/facade";
import type { Config } from "../../config/schema";
import type { DeployContext } from "../shared/concept";
import { settingsOf } from "../organization/settings";
import { DEPLOYMENT_DEFAULTS, type AccountProvider } from "./config";

/** S3-native state locking (`use_lockfile`) needs Terraform 1.10. */
export const LOCKFILE_TERRAFORM_VERSION = ">= 1.10";

/** The deploy stack's state backend: local by default, or S3 (encrypted, optionally with S3-native locking). */
function applyBackend(stack: TerraformStack, stackName: string, c: Config): void {
  const b = c.deployment.backend;
  if (b.type === "local") {
    new LocalBackend(stack, { path: b.path ?? `terraform.${stackName}.tfstate` });
    return;
  }
  new S3Backend(stack, {
    bucket: b.bucket,
    key: b.key ?? DEPLOYMENT_DEFAULTS.stateKey(stackName),
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

type AccountRole = "management" | "logArchive" | "delegatedAdmin";

/**
 * Provider arguments for one account: profile, assumed role, and default tags (the top-level tags with the
 * account's own merged over them). Absent settings leave the provider to the usual credential chain.
 */
function accountProviderSettings(c: Config, account: AccountRole) {
  const a: AccountProvider | undefined = c.deployment.accounts[account];
  const tags = { ...c.tags, ...(a?.defaultTags ?? {}) };
  return {
    profile: a?.profile,
    assumeRole: a?.assumeRoleArn ? [{ roleArn: a.assumeRoleArn, externalId: a.externalId, sessionName: a.sessionName }] : undefined,
    defaultTags: Object.keys(tags).length ? [{ tags }] : undefined,
  };
}

/**
 * The state backend and one AWS provider per account, each pinned to its account (`allowed_account_ids`): the
 * management account's as the default, `log_archive` when the archive is elsewhere, `delegated_admin` for a delegated
 * administrator.
 */
export function deployDeployment(ctx: DeployContext): void {
  const { stack, config } = ctx;
  const s = settingsOf(config);
  applyBackend(stack, stack.node.id, config);
  const provider = (id: string, accountId: string, account: AccountRole, alias?: string) =>
    new AwsProvider(stack, id, { alias, region: s.homeRegion, allowedAccountIds: [accountId], ...accountProviderSettings(config, account) });
  ctx.providers.management = provider("aws", s.managementAccountId, "management");
  if (s.separateLogArchiveAccount) ctx.providers.logArchive = provider("log_archive", s.logArchiveAccountId, "logArchive", "log_archive");
  const admin = config.organization.delegatedAdminAccountId;
  if (admin) ctx.providers.delegatedAdmin = provider("delegated_admin", admin, "delegatedAdmin", "delegated_admin");
}
