import { z } from "zod";
import { ruled } from "../shared/rules/zod";

const principalTag = z.strictObject({ key: ruled("tagKey"), value: ruled("tagValue") });

/** The `memberAccess` section: each member account reads its own logs through the bucket and key policies. */
export const memberAccessSections = {
  memberAccess: z
    .strictObject({
      enabled: z.boolean().default(true).describe("Let every member account read its own logs through the bucket policy."),
      principalArnPattern: ruled("principalArnPattern").optional().describe("Only principals whose ARN matches may read."),
      principalTag: principalTag.optional().describe("Only principals carrying this tag may read."),
    })
    .prefault({}),
};
