import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";

const isolated = (region: string) => /^[a-z]{2}-iso/.test(region);

export const ORGANIZATION_RULES: readonly CrossFieldRule[] = [
  {
    rule: "organization.partition matches the home region (aws-cn for cn-*, aws-us-gov for us-gov-*, else aws)",
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)'",
    check: (c, report) => {
      const o = c.organization;
      const expected = o.homeRegion.startsWith("cn-") ? "aws-cn" : o.homeRegion.startsWith("us-gov-") ? "aws-us-gov" : "aws";
      if (o.partition !== expected && follows("partition", o.partition) && follows("region", o.homeRegion) && !isolated(o.homeRegion)) {
        report(["organization", "partition"], o.partition, `must be ${expected} for home region ${o.homeRegion}`);
      }
    },
  },
  {
    rule: "organization.homeRegion is not in an ISO partition",
    source: "orgtrail supports the aws, aws-cn and aws-us-gov partitions only",
    check: (c, report) => {
      if (isolated(c.organization.homeRegion)) {
        report(["organization", "homeRegion"], c.organization.homeRegion, "must be in the aws, aws-cn or aws-us-gov partition: orgtrail does not support the isolated (ISO) partitions");
      }
    },
  },
];
