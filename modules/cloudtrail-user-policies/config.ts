import { z } from "zod";

const userPolicies = z.strictObject({
  readOnly: z.boolean().default(true).describe("Customer managed policy: describe trails, get status, look up events, read log objects."),
  administration: z.boolean().default(true).describe("Customer managed policy: administer the management account's trails (narrowed, not s3:* or sns:*)."),
  protectTrail: z.boolean().default(true).describe("Customer managed policy denying stop/start/delete/update and selector changes on the organization trail."),
});

/** The `userPolicies` section. */
export const cloudTrailUserPoliciesSections = {
  userPolicies: userPolicies.optional().describe("IAM policies for CloudTrail users, in the management account."),
};
