import { z } from "zod";
import { ruled } from "../shared/rules/zod";

export const ORGANIZATION_DEFAULTS = { partition: "aws" } as const;

/** The `organization` section: who the organization is and where its trail lives. Other concepts add fields. */
export const organizationSections = {
  organization: z.strictObject({
    id: ruled("organizationId").describe("AWS Organizations ID, o-xxxxxxxxxx."),
    managementAccountId: ruled("accountId").describe("The management account: it owns the organization trail."),
    homeRegion: ruled("region").describe("The trail's home region; the log archive bucket and key live there too."),
    partition: ruled("partition").default(ORGANIZATION_DEFAULTS.partition).describe("AWS partition."),
  }),
};
