import type { Inputs } from "../shared/inputs";
import { logLocation } from "../organization/variables";
import type { ThirdPartyReadersProps } from "./third-party-readers";

/** The third-party reader roles' props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const thirdPartyReadersProps = (v: Inputs): ThirdPartyReadersProps => ({
  ...logLocation(v),
  organizationId: v.s("organization_id"),
  readers: v.value("third_party_readers"),
  logArchiveAccountId: v.s("log_archive_account_id"),
  tags: v.value("tags"),
});
