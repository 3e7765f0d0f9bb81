import { z } from "zod";
import { ruled } from "../shared/rules/zod";

const thirdPartyReader = z.strictObject({
  name: ruled("roleName").describe("Name of the role created for the third party in the log-archive account."),
  accountId: ruled("accountId").describe("The third party's AWS account; its root is trusted, with the external ID."),
  externalId: ruled("externalId").describe("The external ID the third party issued (sts:ExternalId)."),
  requireMfa: z.boolean().default(false),
  accounts: z.array(ruled("accountId")).min(1).optional().describe("Member accounts whose logs it may read. Default: every account."),
});

/** The `thirdPartyReaders` section. */
export const thirdPartyReadersSections = {
  thirdPartyReaders: z.array(thirdPartyReader).default([]).describe("A reader role per third party, with its external ID."),
};

export type ThirdPartyReaderConfig = z.output<typeof thirdPartyReader>;
