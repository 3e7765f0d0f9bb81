import { distinct, eachElement, eachOptionalField, OPERATIONS_RULES } from "../shared/rules/operations-rules";
import { RULES } from "../shared/rules/rules";
import type { Precondition } from "../shared/resources";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import { expr, toHcl, type Expr } from "../shared/value";
import { MAX_SELECTOR_VALUES, type EventSelection } from "./selectors";

/** The organization-trail module's inputs for event selectors and Insights (after its delivery inputs). */
export const EVENT_SELECTOR_VARIABLES: readonly VariableSpec[] = [
  { name: "management_events_enabled", type: "bool", default: true, description: "Log management events; false needs data events." },
  { name: "management_events_read_write_type", type: "string", default: "All", rules: OPERATIONS_RULES.readWriteType, description: "All, ReadOnly or WriteOnly management events." },
  { name: "management_events_exclude_sources", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.excludableEventSource[0]), distinct], description: "Management event sources not to log: kms.amazonaws.com, rdsdata.amazonaws.com." },
  { name: "data_events_read_write_type", type: "string", default: "All", rules: OPERATIONS_RULES.readWriteType, description: "All, ReadOnly or WriteOnly data events." },
  {
    name: "data_events_s3",
    type: "list(object({ bucket_name = string, prefix = optional(string) }))",
    default: [],
    rules: [...RULES.bucketName.map((r) => eachElement(r, "bucket_name")), ...OPERATIONS_RULES.dataEventPrefix.map((r) => eachOptionalField(r, "prefix"))],
    description: "Log S3 object-level events of these buckets (optionally only under a key prefix).",
  },
  { name: "data_events_lambda_function_arns", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.lambdaFunctionArn[0]), distinct], description: "Log invoke events of these Lambda functions." },
  { name: "insight_types", type: "list(string)", default: [], rules: [eachElement(OPERATIONS_RULES.insightType[0]), distinct], description: "CloudTrail Insights types: ApiCallRateInsight (needs write management events), ApiErrorRateInsight." },
];

/** The selection the module's variables describe; `data_events_s3` elements are `{ bucket_name, prefix }`. */
export function eventSelectionFromVariables(v: ModuleVariables): EventSelection {
  return {
    partition: v.s("partition"),
    managementEvents: {
      enabled: v.expr("management_events_enabled"),
      readWriteType: v.expr("management_events_read_write_type"),
      excludeEventSources: v.expr("management_events_exclude_sources"),
    },
    dataEvents: {
      readWriteType: v.expr("data_events_read_write_type"),
      s3Objects: v.expr("data_events_s3"),
      lambdaFunctionArns: v.expr("data_events_lambda_function_arns"),
    },
  };
}

/** How many values the selectors hold, as `selectorValueCount` counts them, over a list in the shape `selectorsHcl` writes. */
const valueCountHcl = (selectors: Expr): string =>
  `sum(concat([0], flatten([for s in ${toHcl(selectors)} : [for f in s.field_selectors : length(try(f.equals, [])) + length(try(f.not_equals, [])) + length(try(f.starts_with, []))]])))`;

/** The cross-variable checks of the selection (the config's are in rules.ts), before the trail is created or changed. */
export function eventSelectorPreconditions(selectors: Expr): Precondition[] {
  return [
    { condition: "${var.management_events_enabled || length(var.data_events_s3) + length(var.data_events_lambda_function_arns) > 0}", errorMessage: "management_events_enabled must be true unless data events are selected: a trail with no selector logs every management event." },
    {
      condition: '${!contains(var.insight_types, "ApiCallRateInsight") || (var.management_events_enabled && var.management_events_read_write_type != "ReadOnly")}',
      errorMessage: "insight_types must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement).",
    },
    { condition: '${!contains(var.insight_types, "ApiErrorRateInsight") || var.management_events_enabled}', errorMessage: "insight_types must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement)." },
    { condition: expr(`${valueCountHcl(selectors)} <= ${MAX_SELECTOR_VALUES}`), errorMessage: `data_events_s3 and data_events_lambda_function_arns must select fewer resources: CloudTrail accepts at most ${MAX_SELECTOR_VALUES} selector values.` },
  ];
}
