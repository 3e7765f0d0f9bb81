import type { DeployContext } from "../shared/concept";
import { settingsOf } from "../organization/settings";
import { accessLocation } from "../trail-key/reader-key";
import { ThirdPartyReaders, type ThirdPartyEntry } from "./third-party-readers";

/** A reader role per third party, in the log-archive account. */
export function deployThirdPartyReaders(ctx: DeployContext): void {
  const { config } = ctx;
  if (!config.thirdPartyReaders.length) return;
  const s = settingsOf(config);
  const readers: Record<string, ThirdPartyEntry> = Object.fromEntries(
    config.thirdPartyReaders.map((t) => [t.name, { account_id: t.accountId, external_id: t.externalId, require_mfa: t.requireMfa, accounts: t.accounts ?? null }]),
  );
  const third = new ThirdPartyReaders(ctx.stack, "third-party-readers", {
    ...accessLocation(config),
    readers,
    logArchiveAccountId: s.logArchiveAccountId,
    provider: ctx.providers.logArchive,
  });
  ctx.output("third_party_reader_role_arns", third.roleArns, "Role ARN by third-party role name.");
}
