import { distinct, eachElement, eachOptionalField } from "../shared/rules/list-rules";
import { rulesOf } from "../shared/rules/field-rules";
import type { ModuleVariables, VariableSpec } from "../shared/variables";
import type { EventSelection } from "./selectors";

/** The organization-trail module's inputs for event selectors and Insights (after its delivery inputs). */
export const EVENT_SELECTOR_VARIABLES: readonly VariableSpec[] = [
  { name: "management_events_enabled", type: "bool", default: true, description: "Log management events; false needs data events." },
  { name: "management_events_read_write_type", type: "string", default: "All", rules: "readWriteType", description: "All, ReadOnly or WriteOnly management events." },
  { name: "management_events_exclude_sources", type: "list(string)", default: [], rules: [eachElement(rulesOf("excludableEventSource")[0]), distinct], description: "Management event sources not to log: kms.amazonaws.com, rdsdata.amazonaws.com." },
  { name: "data_events_read_write_type", type: "string", default: "All", rules: "readWriteType", description: "All, ReadOnly or WriteOnly data events." },
  {
    name: "data_events_s3",
    type: "list(object({ bucket_name = string, prefix = optional(string) }))",
    default: [],
    rules: [...rulesOf("bucketName").map((r) => eachElement(r, "bucket_name")), ...rulesOf("dataEventPrefix").map((r) => eachOptionalField(r, "prefix"))],
    description: "Log S3 object-level events of these buckets (optionally only under a key prefix).",
  },
  { name: "data_events_lambda_function_arns", type: "list(string)", default: [], rules: [eachElement(rulesOf("lambdaFunctionArn")[0]), distinct], description: "Log invoke events of these Lambda functions." },
  { name: "insight_types", type: "list(string)", default: [], rules: [eachElement(rulesOf("insightType")[0]), distinct], description: "CloudTrail Insights types: ApiCallRateInsight (needs write management events), ApiErrorRateInsight." },
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
