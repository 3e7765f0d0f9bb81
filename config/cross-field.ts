import type { z } from "zod";
import { follows } from "./rules";

/**
 * Cross-field rules beyond those in schema.ts. Some read config sections that other parts of orgtrail add
 * (`memberRoles`, `thirdPartyReaders`, `trailGuardrail`); they read them structurally, so each rule applies as
 * soon as its section exists in the schema and is silent while it does not.
 */
interface Sections {
  organization: { managementAccountId: string; homeRegion: string; partition: string };
  logArchive: { accountId?: string };
  encryption: { kmsKey: string };
  memberAccess: { principalArnPattern?: string };
  tags: Record<string, string>;
  memberRoles?: readonly { accountId: string; roleName?: string }[];
  thirdPartyReaders?: readonly { name: string; accountId: string; accounts?: readonly string[] }[];
  trailGuardrail?: { targetIds: readonly string[] };
}

type Path = (string | number)[];

/** AWS allows 50 user tags per resource; the provider's default tags count towards it (Tagging AWS resources). */
export const MAX_TAGS = 50;

export function moreCrossFieldRules(config: unknown, ctx: z.RefinementCtx): void {
  const c = config as Sections;
  const issue = (path: Path, input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
  const management = c.organization.managementAccountId;
  const logArchive = c.logArchive.accountId ?? management;
  const partition = c.organization.partition;

  if (/^[a-z]{2}-iso/.test(c.organization.homeRegion)) {
    issue(["organization", "homeRegion"], c.organization.homeRegion, "must be in the aws, aws-cn or aws-us-gov partition: orgtrail does not support the isolated (ISO) partitions");
  }
  if (c.encryption.kmsKey !== "create" && follows("kmsKeyArn", c.encryption.kmsKey) && follows("partition", partition)) {
    const keyPartition = c.encryption.kmsKey.split(":")[1];
    if (keyPartition !== partition) issue(["encryption", "kmsKey"], c.encryption.kmsKey, `must be in the organization's partition ${partition}: a key cannot be used across partitions`);
  }
  const pattern = c.memberAccess.principalArnPattern;
  if (pattern && follows("principalArnPattern", pattern) && follows("partition", partition) && pattern.split(":")[1] !== partition) {
    issue(["memberAccess", "principalArnPattern"], pattern, `must be in the organization's partition ${partition} (arn:${partition}:…): no principal of another partition can match`);
  }
  const tagCount = Object.keys(c.tags).length;
  if (tagCount > MAX_TAGS) issue(["tags"], `${tagCount} tags`, `must have at most ${MAX_TAGS} entries: AWS allows ${MAX_TAGS} user tags per resource`);

  const roles = c.memberRoles ?? [];
  duplicates(roles.map((r) => r.accountId), (i, first) => issue(["memberRoles", i, "accountId"], roles[i].accountId, `must appear once in memberRoles (also at memberRoles[${first}]): one reader role per member account`));
  duplicates(roles.map((r) => r.roleName?.toLowerCase()), (i, first) => issue(["memberRoles", i, "roleName"], roles[i].roleName, `must be unique (memberRoles[${first}] has the same name): IAM role names are unique per account, ignoring case`));

  const readers = c.thirdPartyReaders ?? [];
  duplicates(readers.map((r) => r.name), (i, first) => issue(["thirdPartyReaders", i, "name"], readers[i].name, `must be unique (also at thirdPartyReaders[${first}])`));
  const memberRoleAccounts = new Set(roles.map((r) => r.accountId));
  readers.forEach((r, i) => {
    if (r.accountId === management || r.accountId === logArchive) {
      issue(["thirdPartyReaders", i, "accountId"], r.accountId, `must not be the ${r.accountId === management ? "management" : "log-archive"} account: a third party is outside the accounts that own the trail and the archive`);
    }
    if (memberRoleAccounts.has(r.accountId)) {
      issue(["thirdPartyReaders", i, "accountId"], r.accountId, "must be in no more than one list: this account already has a member reader role (memberRoles)");
    }
    const accounts = r.accounts ?? [];
    duplicates(accounts, (j, first) => issue(["thirdPartyReaders", i, "accounts", j], accounts[j], `must appear once (also at accounts[${first}])`));
  });

  const targets = c.trailGuardrail?.targetIds ?? [];
  duplicates(targets, (i, first) => issue(["trailGuardrail", "targetIds", i], targets[i], `must appear once (also at targetIds[${first}])`));
}

/** Calls `report(index, firstIndex)` for every repeat of an earlier defined value. */
function duplicates(values: readonly (string | undefined)[], report: (index: number, first: number) => void): void {
  const seen = new Map<string, number>();
  values.forEach((v, i) => {
    if (v === undefined) return;
    const first = seen.get(v);
    if (first === undefined) seen.set(v, i);
    else report(i, first);
  });
}
