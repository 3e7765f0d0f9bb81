import type { Config } from "../../config/schema";

/**
 * The deploying roles the guardrail must never block, by the account whose resources they manage: the delegated
 * administrator's role manages the trail, the log-archive account's the bucket and key (SCPs never apply to the
 * management account, so its role needs no exemption).
 */
export function deployingRoles(c: Config): { account: "delegatedAdmin" | "logArchive"; accountId: string; arn: string }[] {
  const roles: { account: "delegatedAdmin" | "logArchive"; accountId: string; arn: string }[] = [];
  const admin = c.organization.delegatedAdminAccountId;
  const adminRole = c.deployment.accounts.delegatedAdmin?.assumeRoleArn;
  if (admin && adminRole) roles.push({ account: "delegatedAdmin", accountId: admin, arn: adminRole });
  const archive = c.logArchive.accountId;
  const archiveRole = c.deployment.accounts.logArchive?.assumeRoleArn;
  if (archive && archive !== c.organization.managementAccountId && archiveRole) roles.push({ account: "logArchive", accountId: archive, arn: archiveRole });
  return roles;
}

/** Every principal the guardrail exempts: the listed ones, then the deploying roles not listed already. */
export function exemptPrincipalsOf(c: Config): string[] {
  const listed = c.trailGuardrail?.exemptPrincipalArns ?? [];
  return [...new Set([...listed, ...deployingRoles(c).map((r) => r.arn)])];
}

/** Whether the guardrail's targets may include an account: a root or OU target may hold any account. */
export const mayCover = (targetIds: readonly string[], accountId: string): boolean =>
  targetIds.some((t) => t === accountId || t.startsWith("r-") || t.startsWith("ou-"));

/** An exempt ARN of a role in `accountId`. */
export const exemptIn = (arns: readonly string[], accountId: string): boolean => arns.some((a) => a.split(":")[4] === accountId);
