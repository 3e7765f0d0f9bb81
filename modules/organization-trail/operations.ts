import type { Cloudtrail } from "../../facade";
import type { TrailDeliverySettings } from "../trail-delivery";
import { addPreconditions } from "../shared/resources";

/** Operating settings of the trail beyond S3 delivery. Literal values (deploy stack) or Terraform expressions. */
export interface TrailOperationsProps extends TrailDeliverySettings {
  /**
   * `advanced_event_selector` blocks (Terraform shape), or a Terraform expression `${...}` evaluating to a list of
   * `{ name, field_selectors = [{ field, equals?, not_equals?, starts_with? }] }` rendered as dynamic blocks.
   * Empty or undefined: CloudTrail's default, every management event.
   */
  readonly advancedEventSelectors?: Record<string, unknown>[] | string;
  /** Insights types, or a Terraform expression evaluating to a list of them. */
  readonly insightTypes?: readonly string[] | string;
  /** Terraform preconditions checked before the trail is created or changed (vendorable modules). */
  readonly preconditions?: readonly { condition: string; errorMessage: string }[];
}

export function applyTrailOperations(trail: Cloudtrail, ops: TrailOperationsProps | undefined): void {
  if (!ops) return;
  if (ops.cloudWatchLogsGroupArn) trail.addOverride("cloud_watch_logs_group_arn", ops.cloudWatchLogsGroupArn);
  if (ops.cloudWatchLogsRoleArn) trail.addOverride("cloud_watch_logs_role_arn", ops.cloudWatchLogsRoleArn);
  if (ops.snsTopicName) trail.addOverride("sns_topic_name", ops.snsTopicName);

  const selectors = ops.advancedEventSelectors;
  if (typeof selectors === "string") {
    trail.addOverride("dynamic.advanced_event_selector", {
      for_each: selectors,
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
  if (typeof insights === "string") {
    trail.addOverride("dynamic.insight_selector", { for_each: insights, content: { insight_type: "${insight_selector.value}" } });
  } else if (insights?.length) trail.addOverride("insight_selector", insights.map((t) => ({ insight_type: t })));

  if (ops.preconditions?.length) {
    addPreconditions(trail, ...ops.preconditions);
  }
}
