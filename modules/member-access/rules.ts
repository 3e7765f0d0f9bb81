import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";

export const MEMBER_ACCESS_RULES: readonly CrossFieldRule[] = [
  {
    rule: "memberAccess.enabled is true when principalArnPattern or principalTag narrows it",
    source: "orgtrail: narrowing applies to member access only",
    check: (c, report) => {
      const m = c.memberAccess;
      if (!m.enabled && (m.principalArnPattern || m.principalTag)) {
        report(["memberAccess", "enabled"], m.enabled, "must be true when principalArnPattern or principalTag is set: narrowing applies to member access");
      }
    },
  },
  {
    rule: "memberAccess.principalArnPattern is in the organization's partition",
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)'",
    check: (c, report) => {
      const pattern = c.memberAccess.principalArnPattern;
      const partition = c.organization.partition;
      if (pattern && follows("principalArnPattern", pattern) && follows("partition", partition) && pattern.split(":")[1] !== partition) {
        report(["memberAccess", "principalArnPattern"], pattern, `must be in the organization's partition ${partition} (arn:${partition}:…): no principal of another partition can match`);
      }
    },
  },
];
