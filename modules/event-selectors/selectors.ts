import { and, attribute, eq, ifElse, isEmpty, isNull, literal, mapList, not, toTemplate, type Expr, type Value } from "../shared/value";
import { resolveParts, unless, when, type Part } from "./conditional-parts";

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

export interface S3Objects {
  readonly bucketName: string;
  readonly prefix?: Value<string>;
}

/**
 * What the trail logs: literal settings (a config) or Terraform expressions (the organization-trail module's
 * variables). An expression for `s3Objects` is a list of objects with `bucket_name` and an optional `prefix`.
 */
export interface EventSelection {
  readonly partition: string;
  readonly managementEvents?: {
    readonly enabled: Value<boolean>;
    readonly readWriteType: Value<ReadWriteType>;
    readonly excludeEventSources: Value<readonly string[]>;
  };
  readonly dataEvents?: {
    readonly readWriteType: Value<ReadWriteType>;
    readonly s3Objects: Value<readonly S3Objects[]>;
    readonly lambdaFunctionArns: Value<readonly string[]>;
  };
}

/** A field selector whose values may be Terraform expressions. */
export interface FieldSelectorSpec {
  readonly field: string;
  readonly equals?: Value<readonly Value<string>[]>;
  readonly notEquals?: Value<readonly Value<string>[]>;
  readonly startsWith?: Value<readonly Value<string>[]>;
}

/** A selector whose field selectors may be present only under a test. */
export interface SelectorSpec {
  readonly name: string;
  readonly fieldSelectors: readonly Part<FieldSelectorSpec>[];
}

/** CloudTrail's limit on the values of all field selectors of a trail together. */
export const MAX_SELECTOR_VALUES = 500;

export const SELECTOR_NAMES = {
  management: "Management events",
  s3: "S3 object events of selected buckets",
  lambda: "Lambda invocations of selected functions",
} as const;

const ALL_MANAGEMENT_EVENTS = { enabled: true, readWriteType: "All", excludeEventSources: [] } as const;
const NO_DATA_EVENTS = { readWriteType: "All", s3Objects: [], lambdaFunctionArns: [] } as const;

const readOnly = (t: Value<ReadWriteType>): Part<FieldSelectorSpec> =>
  unless(eq(t, "All"), { field: "readOnly", equals: [ifElse(eq(t, "ReadOnly"), "true", "false")] });

/** The S3 object ARN prefix that selects a bucket's objects, or those under a key prefix. */
export const s3ObjectArnPrefix = (partition: string, bucketName: string, prefix?: Value<string>): string =>
  `arn:${partition}:s3:::${bucketName}/${toTemplate(ifElse(isNull(prefix), "", prefix ?? ""))}`;

/** An element of an `s3Objects` expression, for building per-element values in a `for` expression. */
const s3ObjectsElement = (o: Expr): S3Objects => ({ bucketName: toTemplate(attribute(o, "bucket_name")), prefix: attribute(o, "prefix") });

/** True when the selection is CloudTrail's default (all management events, no data events): no selector needed. */
export function isDefaultSelection(s: EventSelection): Value<boolean> {
  const m = s.managementEvents ?? ALL_MANAGEMENT_EVENTS;
  const d = s.dataEvents ?? NO_DATA_EVENTS;
  return and(m.enabled, eq(m.readWriteType, "All"), isEmpty(m.excludeEventSources), isEmpty(d.s3Objects), isEmpty(d.lambdaFunctionArns));
}

/**
 * The advanced event selectors of a selection, each present only under its test; none for CloudTrail's default.
 * The one description of the selectors: `advancedEventSelectors` resolves it for a config, `selectorsHcl` writes it
 * as the organization-trail module's Terraform expression.
 */
export function selectorSpecs(s: EventSelection): Part<SelectorSpec>[] {
  const m = s.managementEvents ?? ALL_MANAGEMENT_EVENTS;
  const d = s.dataEvents ?? NO_DATA_EVENTS;
  return [
    when(and(m.enabled, not(isDefaultSelection(s))), {
      name: SELECTOR_NAMES.management,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Management"] },
        readOnly(m.readWriteType),
        unless(isEmpty(m.excludeEventSources), { field: "eventSource", notEquals: m.excludeEventSources }),
      ],
    }),
    unless(isEmpty(d.s3Objects), {
      name: SELECTOR_NAMES.s3,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", startsWith: mapList(d.s3Objects, "o", s3ObjectsElement, (o) => s3ObjectArnPrefix(s.partition, o.bucketName, o.prefix)) },
        readOnly(d.readWriteType),
      ],
    }),
    unless(isEmpty(d.lambdaFunctionArns), {
      name: SELECTOR_NAMES.lambda,
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::Lambda::Function"] },
        { field: "resources.ARN", equals: d.lambdaFunctionArns },
        readOnly(d.readWriteType),
      ],
    }),
  ];
}

/** The advanced event selectors of a literal selection (a config); empty for CloudTrail's default. */
export function advancedEventSelectors(s: EventSelection): AdvancedSelector[] {
  return resolveParts(selectorSpecs(s)).map((spec) => ({ name: spec.name, fieldSelectors: resolveParts(spec.fieldSelectors).map(resolveField) }));
}

function resolveField(f: FieldSelectorSpec): FieldSelector {
  const values = (v: Value<readonly Value<string>[]>) => literal(v, f.field).map((x) => literal(x, f.field));
  return {
    field: f.field,
    ...(f.equals ? { equals: values(f.equals) } : {}),
    ...(f.notEquals ? { notEquals: values(f.notEquals) } : {}),
    ...(f.startsWith ? { startsWith: values(f.startsWith) } : {}),
  };
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
