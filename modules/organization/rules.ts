import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { follows } from "../shared/rules/field-rules";

const isolated = (region: string) => /^[a-z]{2}-iso/.test(region);

export function checkOrganization(c: Config, report: Report): void {
  const o = c.organization;
  const expected = o.homeRegion.startsWith("cn-") ? "aws-cn" : o.homeRegion.startsWith("us-gov-") ? "aws-us-gov" : "aws";
  if (o.partition !== expected && follows("partition", o.partition) && follows("region", o.homeRegion) && !isolated(o.homeRegion)) {
    report(["organization", "partition"], o.partition, `must be ${expected} for home region ${o.homeRegion}`);
  }
  if (isolated(o.homeRegion)) {
    report(["organization", "homeRegion"], o.homeRegion, "must be in the aws, aws-cn or aws-us-gov partition: orgtrail does not support the isolated (ISO) partitions");
  }
}

export const ORGANIZATION_RULES: readonly CrossFieldRule[] = [
  { rule: "organization.partition matches the home region (aws-cn for cn-*, aws-us-gov for us-gov-*, else aws)", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "organization.homeRegion is not in an ISO partition", source: "orgtrail supports the aws, aws-cn and aws-us-gov partitions only" },
];
