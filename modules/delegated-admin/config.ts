import { ruled } from "../shared/rules/zod";

/** Added to the `organization` section. */
export const delegatedAdminExtends = {
  organization: {
    delegatedAdminAccountId: ruled("accountId")
      .optional()
      .describe("CloudTrail delegated administrator: registered from the management account, then creates the trail (still owned by the management account)."),
  },
};
