import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const TRAIL_KEY_DEFAULTS = { kmsAlias: "alias/orgtrail-cloudtrail", deletionWindowDays: 30 } as const;

/** The `encryption` section: create the trail key or bring one. */
export const trailKeySections = {
  encryption: z
    .strictObject({
      kmsKey: z
        .union([z.literal("create"), ruled("kmsKeyArn")])
        .default("create")
        .describe("'create' for a new customer managed key, or the ARN of an existing key."),
      aliasName: ruled("kmsAlias").default(TRAIL_KEY_DEFAULTS.kmsAlias),
      deletionWindowDays: ruled("deletionWindowDays").default(TRAIL_KEY_DEFAULTS.deletionWindowDays),
    })
    .prefault({}),
};
