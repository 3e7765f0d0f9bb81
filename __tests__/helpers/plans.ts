import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../../config/schema";
import { policiesOf } from "../../stacks/policy-sizes";
import { LOG_ARCHIVE_VARIABLES } from "../../modules/log-archive/module";
import { argumentsOf } from "../../modules/shared/variables";
import { initValidatePlan, workdir, writeOfflineProviders, type Plan } from "./terraform";
import { synthTo } from "./synth";

/** Plans the deploy stack of a config offline. */
export function planDeployStack(c: Config): Plan {
  const out = synthTo(c);
  const dir = workdir("stack", join(out, "stacks", "org-cloudtrail"));
  const separate = (c.logArchive.accountId ?? c.organization.managementAccountId) !== c.organization.managementAccountId;
  writeOfflineProviders(dir, [undefined, ...(separate ? ["log_archive"] : []), ...(c.organization.delegatedAdminAccountId ? ["delegated_admin"] : [])]);
  // A remote backend is replaced by a local one: plans run offline (the S3 backend block is tested as synthesized).
  if (c.deployment.backend.type !== "local") writeFileSync(join(dir, "zz_offline_backend_override.tf.json"), JSON.stringify({ terraform: { backend: { local: {} } } }));
  return initValidatePlan(dir);
}

/**
 * Copies the examples, vendors freshly synthesized modules over the committed ones (so the plan reflects the code
 * under test; the golden test catches drift separately), and plans one example root offline.
 */
export function planExample(example: string, c: Config, aliases: (string | undefined)[]): Plan {
  const out = synthTo(c);
  const examples = workdir("examples", join(__dirname, "..", "..", "examples"));
  vendorModules(out, examples);
  const dir = join(examples, example);
  writeOfflineProviders(dir, aliases);
  return initValidatePlan(dir);
}

export function vendorModules(synthOut: string, root: string): void {
  for (const m of ["log-archive", "organization-trail"]) {
    mkdirSync(join(root, "vendor", "orgtrail"), { recursive: true });
    cpSync(join(synthOut, "modules", m), join(root, "vendor", "orgtrail", m), { recursive: true });
  }
}

/** The log-archive module's arguments equivalent to a config, read off the module's input table. */
export const logArchiveArguments = (c: Config): Record<string, unknown> => argumentsOf(LOG_ARCHIVE_VARIABLES, c);

/** A root that calls the synthesized log-archive module with a config's values, planned offline. */
export function planLogArchiveModule(c: Config): Plan {
  const out = synthTo(c);
  const dir = workdir("module-root");
  vendorModules(out, dir);
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({
      provider: { aws: [{ region: c.organization.homeRegion }] },
      module: { log_archive: { source: "./vendor/orgtrail/log-archive", ...logArchiveArguments(c) } },
    }),
  );
  writeOfflineProviders(dir, [undefined]);
  return initValidatePlan(dir);
}

/** The attribute that holds each policy-carrying resource type's document. */
const POLICY_ATTRIBUTE: Record<string, string> = {
  aws_s3_bucket_policy: "policy",
  aws_kms_key: "policy",
  aws_iam_role: "assume_role_policy",
  aws_iam_role_policy: "policy",
  aws_sns_topic_policy: "policy",
};

/** Planned policy documents by resource address suffix, parsed as AWS would receive them. */
export function plannedPolicies(plan: Plan): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of plan.resources) {
    const value = r.values[POLICY_ATTRIBUTE[r.type]];
    if (typeof value === "string") out[`${r.type}.${r.address.split(".").pop()!.replace(/\[0\]$/, "")}`] = JSON.parse(value);
  }
  return out;
}

/** What the builders say each policy must be, keyed like `plannedPolicies`. */
export function expectedPolicies(c: Config): Record<string, unknown> {
  const byName = Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document]));
  const out: Record<string, unknown> = { "aws_s3_bucket_policy.log_archive": byName["log archive bucket policy"] };
  if (byName["trail KMS key policy"]) out["aws_kms_key.cloudtrail"] = byName["trail KMS key policy"];
  if (byName["access-log bucket policy"]) out["aws_s3_bucket_policy.access_logs"] = byName["access-log bucket policy"];
  if (byName["CloudWatch Logs delivery role trust policy"]) out["aws_iam_role.cloudtrail_cloudwatch_logs"] = byName["CloudWatch Logs delivery role trust policy"];
  if (byName["CloudWatch Logs delivery role policy"]) out["aws_iam_role_policy.cloudtrail_cloudwatch_logs"] = byName["CloudWatch Logs delivery role policy"];
  if (byName["SNS topic policy"]) out["aws_sns_topic_policy.cloudtrail_notifications"] = byName["SNS topic policy"];
  return out;
}

/** Addresses whose policy Terraform could not compute at plan time. */
export function unknownPolicies(plan: Plan): string[] {
  return Object.entries(plan.unknown)
    .filter(([address, u]) => /aws_s3_bucket_policy|aws_kms_key\.|aws_iam_role|aws_sns_topic_policy/.test(address) && (u.policy === true || u.assume_role_policy === true))
    .map(([address]) => address);
}
