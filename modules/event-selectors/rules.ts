import type { Config } from "../../config/schema";
import type { CrossFieldRule, Report } from "../shared/concept";
import { follows } from "../shared/rules/field-rules";
import { advancedEventSelectors, MAX_SELECTOR_VALUES, selectorValueCount } from "./selectors";

export function checkEventSelectors(c: Config, report: Report): void {
  const t = c.trail;
  const partition = c.organization.partition;
  const m = t.managementEvents;
  const d = t.dataEvents;
  const hasData = !!d && (d.s3Objects.length > 0 || d.lambdaFunctionArns.length > 0);
  if (m && !m.enabled && !hasData) {
    report(["trail", "managementEvents", "enabled"], false, "must be true unless dataEvents selects something: a trail with no selector logs every management event");
  }
  if (m && new Set(m.excludeEventSources).size !== m.excludeEventSources.length) {
    report(["trail", "managementEvents", "excludeEventSources"], m.excludeEventSources, "must not repeat a value");
  }
  d?.lambdaFunctionArns.forEach((arn, i) => {
    if (follows("lambdaFunctionArn", arn) && arn.split(":")[1] !== partition) report(["trail", "dataEvents", "lambdaFunctionArns", i], arn, `must be in partition ${partition}`);
  });
  const values = selectorValueCount(advancedEventSelectors({ partition, managementEvents: m, dataEvents: d }));
  if (values > MAX_SELECTOR_VALUES) {
    report(["trail", "dataEvents"], undefined, `must select fewer resources: the event selectors hold ${values} values, CloudTrail accepts at most ${MAX_SELECTOR_VALUES}`);
  }

  const insights = t.insights ?? [];
  if (new Set(insights).size !== insights.length) report(["trail", "insights"], insights, "must not repeat a value");
  const management = m ?? { enabled: true, readWriteType: "All" };
  if (insights.includes("ApiCallRateInsight") && (!management.enabled || management.readWriteType === "ReadOnly")) {
    report(["trail", "insights"], insights, "must not include ApiCallRateInsight unless the trail logs write management events (CloudTrail requirement)");
  }
  if (insights.includes("ApiErrorRateInsight") && !management.enabled) {
    report(["trail", "insights"], insights, "must not include ApiErrorRateInsight unless the trail logs management events (CloudTrail requirement)");
  }
}

export const EVENT_SELECTORS_RULES: readonly CrossFieldRule[] = [
  { rule: "trail.managementEvents.enabled is true unless dataEvents selects something; excludeEventSources and insights repeat no value", source: "AWS CloudTrail User Guide, 'Logging management events' and 'Logging data events'" },
  { rule: "trail.dataEvents.lambdaFunctionArns are in the organization's partition", source: "AWS General Reference, 'Amazon Resource Names (ARNs)'" },
  { rule: "the event selectors hold at most 500 values", source: "AWS CloudTrail User Guide, 'Quotas in AWS CloudTrail' (advanced event selectors)" },
  { rule: "trail.insights: ApiCallRateInsight needs write management events, ApiErrorRateInsight management events", source: "AWS CloudTrail User Guide, 'Working with CloudTrail Insights'" },
];
