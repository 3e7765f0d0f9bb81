import type { Config } from "../../config/schema";
import type { CrossFieldRule } from "../shared/rules/cross-field";
import { follows } from "../shared/rules/field-rules";
import { advancedEventSelectors, MAX_SELECTOR_VALUES, selectorValueCount } from "./selectors";

const TRAIL = "aws_cloudtrail.organization";

/** Management events as CloudTrail logs them when the config leaves them unset: all of them. */
const managementOf = (c: Config) => c.trail.managementEvents ?? { enabled: true, readWriteType: "All" };

export const MANAGEMENT_EVENTS_OR_DATA: CrossFieldRule = {
  rule: "trail.managementEvents.enabled is true unless dataEvents selects something",
  source: "AWS CloudTrail User Guide, 'Logging management events' and 'Logging data events'",
  check: (c, report) => {
    const d = c.trail.dataEvents;
    const hasData = !!d && (d.s3Objects.length > 0 || d.lambdaFunctionArns.length > 0);
    if (c.trail.managementEvents && !c.trail.managementEvents.enabled && !hasData) {
      report(["trail", "managementEvents", "enabled"], false, "must be true unless dataEvents selects something: a trail with no selector logs every management event");
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: "management_events_enabled must be true unless data events are selected: a trail with no selector logs every management event.",
    on: { [TRAIL]: "var.management_events_enabled || length(var.data_events_s3) + length(var.data_events_lambda_function_arns) > 0" },
  },
};

const valueCount = "sum(concat([0], flatten([for s in local.event_selectors : [for f in s.field_selectors : length(try(f.equals, [])) + length(try(f.not_equals, [])) + length(try(f.starts_with, []))]])))";

export const SELECTOR_VALUES_FIT: CrossFieldRule = {
  rule: `the event selectors hold at most ${MAX_SELECTOR_VALUES} values`,
  source: "AWS CloudTrail User Guide, 'Quotas in AWS CloudTrail' (advanced event selectors)",
  check: (c, report) => {
    const values = selectorValueCount(advancedEventSelectors({ partition: c.organization.partition, managementEvents: c.trail.managementEvents, dataEvents: c.trail.dataEvents }));
    if (values > MAX_SELECTOR_VALUES) {
      report(["trail", "dataEvents"], undefined, `must select fewer resources: the event selectors hold ${values} values, CloudTrail accepts at most ${MAX_SELECTOR_VALUES}`);
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: `data_events_s3 and data_events_lambda_function_arns must select fewer resources: CloudTrail accepts at most ${MAX_SELECTOR_VALUES} selector values.`,
    on: { [TRAIL]: `${valueCount} <= ${MAX_SELECTOR_VALUES}` },
  },
};

export const CALL_RATE_NEEDS_WRITES: CrossFieldRule = {
  rule: "trail.insights: ApiCallRateInsight needs write management events",
  source: "AWS CloudTrail User Guide, 'Working with CloudTrail Insights'",
  check: (c, report) => {
    const management = managementOf(c);
    const insights = c.trail.insights ?? [];
    if (insights.includes("ApiCallRateInsight") && (!management.enabled || management.readWriteType === "ReadOnly")) {
      report(["trail", "insights"], insights, "must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement)");
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: "insight_types must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement).",
    on: { [TRAIL]: '!contains(var.insight_types, "ApiCallRateInsight") || (var.management_events_enabled && var.management_events_read_write_type != "ReadOnly")' },
  },
};

export const ERROR_RATE_NEEDS_MANAGEMENT: CrossFieldRule = {
  rule: "trail.insights: ApiErrorRateInsight needs management events",
  source: "AWS CloudTrail User Guide, 'Working with CloudTrail Insights'",
  check: (c, report) => {
    const insights = c.trail.insights ?? [];
    if (insights.includes("ApiErrorRateInsight") && !managementOf(c).enabled) {
      report(["trail", "insights"], insights, "must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement)");
    }
  },
  precondition: {
    module: "organization-trail",
    errorMessage: "insight_types must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement).",
    on: { [TRAIL]: '!contains(var.insight_types, "ApiErrorRateInsight") || var.management_events_enabled' },
  },
};

/** In the order the config check reports them; the module checks repeats with its variables' `distinct` validation. */
export const EVENT_SELECTORS_RULES: readonly CrossFieldRule[] = [
  MANAGEMENT_EVENTS_OR_DATA,
  {
    rule: "trail.managementEvents.excludeEventSources repeats no value",
    source: "AWS CloudTrail User Guide, 'Logging management events'",
    check: (c, report) => {
      const m = c.trail.managementEvents;
      if (m && new Set(m.excludeEventSources).size !== m.excludeEventSources.length) {
        report(["trail", "managementEvents", "excludeEventSources"], m.excludeEventSources, "must not repeat a value");
      }
    },
  },
  {
    rule: "trail.dataEvents.lambdaFunctionArns are in the organization's partition",
    source: "AWS General Reference, 'Amazon Resource Names (ARNs)'",
    check: (c, report) => {
      const partition = c.organization.partition;
      c.trail.dataEvents?.lambdaFunctionArns.forEach((arn, i) => {
        if (follows("lambdaFunctionArn", arn) && arn.split(":")[1] !== partition) report(["trail", "dataEvents", "lambdaFunctionArns", i], arn, `must be in partition ${partition}`);
      });
    },
  },
  SELECTOR_VALUES_FIT,
  {
    rule: "trail.insights repeats no value",
    source: "AWS CloudTrail User Guide, 'Working with CloudTrail Insights'",
    check: (c, report) => {
      const insights = c.trail.insights ?? [];
      if (new Set(insights).size !== insights.length) report(["trail", "insights"], insights, "must not repeat a value");
    },
  },
  CALL_RATE_NEEDS_WRITES,
  ERROR_RATE_NEEDS_MANAGEMENT,
];
