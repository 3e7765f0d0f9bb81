import { z } from "zod";
import { ruled } from "../shared/rules/zod";

/** The `trail` section: the organization trail itself. Delivery and event selection add their fields. */
export const organizationTrailSections = {
  trail: z.strictObject({
    name: ruled("trailName"),
    multiRegion: z.boolean().default(true),
    includeGlobalServiceEvents: z.boolean().default(true),
    logFileValidation: z.boolean().default(true),
  }),
};
