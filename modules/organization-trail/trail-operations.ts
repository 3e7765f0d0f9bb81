import type { Cloudtrail } from "../shared/facade";
import type { TrailDeliverySettings } from "../trail-delivery/trail-delivery";
import type { CrossFieldRule } from "../shared/rules/cross-field";
import { enforce } from "../shared/rules/precondition";
import { isExpr, toTemplate, type Value } from "../shared/value";

/** Operating settings of the trail beyond S3 delivery. Literal values (deploy stack) or Terraform expressions. */
export interface TrailOperationsProps extends TrailDeliverySettings {
  /**
   * `advanced_event_selector` blocks (Terraform shape), or a Terraform expression evaluating to a list of
   * `{ name, field_selectors = [{ field, equals?, not_equals?, starts_with? }] }` rendered as dynamic blocks.
   * Empty or undefined: CloudTrail's default, every management event.
   */
  readonly advancedEventSelectors?: Value<Record<string, unknown>[]>;
  /** Insights types, or a Terraform expression evaluating to a list of them. */
  readonly insightTypes?: Value<readonly string[]>;
  /** Rules whose preconditions the trail checks before it is created or changed (vendorable modules). */
  readonly enforced?: readonly CrossFieldRule[];
}

export function applyTrailOperations(trail: Cloudtrail, ops: TrailOperationsProps | undefined): void {
  if (!ops) return;
  if (ops.cloudWatchLogsGroupArn) trail.addOverride("cloud_watch_logs_group_arn", ops.cloudWatchLogsGroupArn);
  if (ops.cloudWatchLogsRoleArn) trail.addOverride("cloud_watch_logs_role_arn", ops.cloudWatchLogsRoleArn);
  if (ops.snsTopicName) trail.addOverride("sns_topic_name", ops.snsTopicName);

  const selectors = ops.advancedEventSelectors;
  if (isExpr(selectors)) {
    trail.addOverride("dynamic.advanced_event_selector", {
      for_each: toTemplate(selectors),
      content: {
        name: "${advanced_event_selector.value.name}",
        dynamic: {
          field_selector: {
            for_each: "${advanced_event_selector.value.field_selectors}",
            content: {
              field: "${field_selector.value.field}",
              equals: "${try(field_selector.value.equals, null)}",
              not_equals: "${try(field_selector.value.not_equals, null)}",
              starts_with: "${try(field_selector.value.starts_with, null)}",
            },
          },
        },
      },
    });
  } else if (selectors?.length) trail.addOverride("advanced_event_selector", selectors);

  const insights = ops.insightTypes;
  if (isExpr(insights)) {
    trail.addOverride("dynamic.insight_selector", { for_each: toTemplate(insights), content: { insight_type: "${insight_selector.value}" } });
  } else if (insights?.length) trail.addOverride("insight_selector", insights.map((t) => ({ insight_type: t })));

  if (ops.enforced?.length) enforce(trail, ops.enforced);
}
