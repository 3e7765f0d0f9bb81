import type { z } from "zod";
import { follows } from "../modules/shared/rules/rules";

/** Cross-field rules beyond those in schema.ts: partitions and tag counts. */
interface Sections {
  organization: { managementAccountId: string; homeRegion: string; partition: string };
  encryption: { kmsKey: string };
  memberAccess: { principalArnPattern?: string };
  tags: Record<string, string>;
}

type Path = (string | number)[];

/** AWS allows 50 user tags per resource; the provider's default tags count towards it (Tagging AWS resources). */
export const MAX_TAGS = 50;

export function moreCrossFieldRules(config: unknown, ctx: z.RefinementCtx): void {
  const c = config as Sections;
  const issue = (path: Path, input: unknown, message: string) => ctx.addIssue({ code: "custom", path, input, message });
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
  // The access sections (memberRoles, thirdPartyReaders, trailGuardrail) are checked by accessRules (access-schema.ts).
}
