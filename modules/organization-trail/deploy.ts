import type { DeployContext } from "../shared/concept";
import { settingsOf } from "../organization/settings";
import { OrganizationTrail } from "./organization-trail";

/** The organization trail, after everything it writes to or is checked against. */
export function deployOrganizationTrail(ctx: DeployContext): void {
  const { config } = ctx;
  const s = settingsOf(config);
  new OrganizationTrail(ctx.stack, "trail", {
    trailName: s.trailName,
    bucketName: s.bucketName,
    s3KeyPrefix: s.keyPrefix,
    kmsKeyArn: ctx.trailKey!.keyArn,
    multiRegion: config.trail.multiRegion,
    includeGlobalServiceEvents: config.trail.includeGlobalServiceEvents,
    logFileValidation: config.trail.logFileValidation,
    dependsOn: ctx.readyForTrail,
    operations: ctx.trailOperations,
    provider: ctx.providers.delegatedAdmin,
  });
}
