import { merge, whenPresent, type ConditionBlock, type Merge } from "../shared/document";
import type { Value } from "../shared/value";

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

/** Optional narrowing of member read access, on top of the organization condition. */
export interface MemberNarrowing {
  /** Only principals whose ARN matches, e.g. `arn:aws:iam::*:role/LogReader`. */
  readonly principalArnPattern?: Value<string>;
  /** Only principals carrying this tag. */
  readonly principalTag?: Value<{ key: string; value: string }>;
}

export interface MemberAccessIntent extends MemberNarrowing {
  /** Each member account reads its own logs. */
  readonly enabled: Value<boolean>;
}
