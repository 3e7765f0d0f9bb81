import { merge, whenPresent, type ConditionBlock, type Merge } from "../shared/document";
import type { MemberNarrowing } from "../shared/intent";

/**
 * The condition that admits a member principal: in the organization and, when configured, matching the principal
 * ARN pattern and carrying the principal tag. `extra` adds statement-specific operators (e.g. `s3:prefix`).
 */
export function memberCondition(organizationId: string, narrowing: MemberNarrowing, extra: ConditionBlock = {}): Merge {
  return merge(
    { StringEquals: { "aws:PrincipalOrgID": organizationId } },
    extra,
    whenPresent(narrowing.principalArnPattern, (pattern): ConditionBlock => ({ ArnLike: { "aws:PrincipalArn": pattern } }), "pattern"),
    whenPresent(
      narrowing.principalTag,
      (tag): ConditionBlock => ({ StringEquals: { [`aws:PrincipalTag/${tag.key}`]: tag.value } }),
      "tag",
      ["key", "value"],
    ),
  );
}
