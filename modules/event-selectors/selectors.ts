/**
 * Which events the trail logs, as CloudTrail advanced event selectors. A trail uses basic or advanced selectors,
 * never both; advanced ones express everything orgtrail offers (read/write type, excluded event sources, S3 object
 * and Lambda data events), so they are the only kind emitted. Without any, CloudTrail logs all management events.
 */

export interface FieldSelector {
  readonly field: string;
  readonly equals?: readonly string[];
  readonly notEquals?: readonly string[];
  readonly startsWith?: readonly string[];
}

export interface AdvancedSelector {
  readonly name: string;
  readonly fieldSelectors: readonly FieldSelector[];
}

export type ReadWriteType = "All" | "ReadOnly" | "WriteOnly";

export interface EventSelection {
  readonly partition: string;
  readonly managementEvents?: { readonly enabled: boolean; readonly readWriteType: ReadWriteType; readonly excludeEventSources: readonly string[] };
  readonly dataEvents?: {
    readonly readWriteType: ReadWriteType;
    readonly s3Objects: readonly { readonly bucketName: string; readonly prefix?: string }[];
    readonly lambdaFunctionArns: readonly string[];
  };
}

/** CloudTrail's limit on the values of all field selectors of a trail together. */
export const MAX_SELECTOR_VALUES = 500;

export const SELECTOR_NAMES = {
  management: "Management events",
  s3: "S3 object events of selected buckets",
  lambda: "Lambda invocations of selected functions",
} as const;

const readOnly = (t: ReadWriteType): FieldSelector[] => (t === "All" ? [] : [{ field: "readOnly", equals: [t === "ReadOnly" ? "true" : "false"] }]);

/** The S3 object ARN prefix that selects a bucket's objects, or those under a key prefix. */
export const s3ObjectArnPrefix = (partition: string, bucketName: string, prefix?: string): string => `arn:${partition}:s3:::${bucketName}/${prefix ?? ""}`;

/** True when the selection is CloudTrail's default (all management events, no data events): no selector needed. */
export function isDefaultSelection(s: EventSelection): boolean {
  const m = s.managementEvents;
  const d = s.dataEvents;
  const defaultManagement = !m || (m.enabled && m.readWriteType === "All" && m.excludeEventSources.length === 0);
  const noData = !d || (d.s3Objects.length === 0 && d.lambdaFunctionArns.length === 0);
  return defaultManagement && noData;
}

/** The advanced event selectors of a selection; empty for CloudTrail's default. */
export function advancedEventSelectors(s: EventSelection): AdvancedSelector[] {
  if (isDefaultSelection(s)) return [];
  const out: AdvancedSelector[] = [];
  const m = s.managementEvents ?? { enabled: true, readWriteType: "All" as const, excludeEventSources: [] };
  if (m.enabled) {
    out.push({
      name: SELECTOR_NAMES.management,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Management"] },
        ...readOnly(m.readWriteType),
        ...(m.excludeEventSources.length ? [{ field: "eventSource", notEquals: [...m.excludeEventSources] }] : []),
      ],
    });
  }
  const d = s.dataEvents;
  if (d?.s3Objects.length) {
    out.push({
      name: SELECTOR_NAMES.s3,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", startsWith: d.s3Objects.map((o) => s3ObjectArnPrefix(s.partition, o.bucketName, o.prefix)) },
        ...readOnly(d.readWriteType),
      ],
    });
  }
  if (d?.lambdaFunctionArns.length) {
    out.push({
      name: SELECTOR_NAMES.lambda,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::Lambda::Function"] },
        { field: "resources.ARN", equals: [...d.lambdaFunctionArns] },
        ...readOnly(d.readWriteType),
      ],
    });
  }
  return out;
}

/** How many values the selectors hold, as CloudTrail counts them against MAX_SELECTOR_VALUES. */
export function selectorValueCount(selectors: readonly AdvancedSelector[]): number {
  return selectors.reduce(
    (n, s) => n + s.fieldSelectors.reduce((m, f) => m + (f.equals?.length ?? 0) + (f.notEquals?.length ?? 0) + (f.startsWith?.length ?? 0), 0),
    0,
  );
}

/** Terraform's block shape (snake_case) for `advanced_event_selector`. */
export function toTerraformBlocks(selectors: readonly AdvancedSelector[]): Record<string, unknown>[] {
  return selectors.map((s) => ({
    name: s.name,
    field_selector: s.fieldSelectors.map((f) => ({
      field: f.field,
      ...(f.equals ? { equals: [...f.equals] } : {}),
      ...(f.notEquals ? { not_equals: [...f.notEquals] } : {}),
      ...(f.startsWith ? { starts_with: [...f.startsWith] } : {}),
    })),
  }));
}
