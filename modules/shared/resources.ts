import type { TerraformResource } from "./facade";
import { ifElse, isExpr, reference, toTemplate, type Expr, type Value } from "./value";

/**
 * Helpers that let one construct serve a deploy stack (literal config values: decide here) and a vendorable module
 * (Terraform variables: decide at plan time with `count`).
 */

/** Resources created through `count`, with the test that decides them. */
const counted = new WeakMap<TerraformResource, Expr>();

/** The Terraform test that decides whether a counted resource exists; undefined for an unconditional one. */
export const countTest = (r: TerraformResource): Expr | undefined => counted.get(r);

/** Creates the resource when `test` holds: now for a literal, through `count` for an expression. */
export function optional<R extends TerraformResource>(test: Value<boolean>, create: () => R): R | undefined {
  if (test === false) return undefined;
  const resource = create();
  if (isExpr(test)) {
    resource.addOverride("count", toTemplate(ifElse(test, 1, 0)));
    counted.set(resource, test);
  }
  return resource;
}

/** The Terraform address of a resource, e.g. `aws_s3_bucket.log_archive`. */
export const address = (r: TerraformResource): string => `${r.terraformResourceType}.${r.friendlyUniqueId}`;

/** An attribute of a resource as an expression, valid whether or not the resource is counted. */
export function attributeOf(r: TerraformResource, attribute: string): Expr {
  return reference(counted.has(r) ? `one(${address(r)}[*].${attribute})` : `${address(r)}.${attribute}`);
}

/** An attribute of a resource as template text, for cdktf attributes: `${aws_s3_bucket.log_archive.id}`. */
export const ref = (r: TerraformResource, attribute: string): string => toTemplate(attributeOf(r, attribute));

/** Resource tags: a literal map, or a Terraform expression such as `var.tags`. */
export type Tags = Value<Record<string, string>>;

export function tag(r: TerraformResource, tags: Tags | undefined): void {
  if (tags === undefined || (!isExpr(tags) && Object.keys(tags).length === 0)) return;
  r.addOverride("tags", toTemplate(tags));
}

/** `depends_on` by address, for resources that may be counted (cdktf's own dependsOn accepts either). */
export function dependOn(r: TerraformResource, ...on: (TerraformResource | undefined)[]): void {
  const present = on.filter((x): x is TerraformResource => x !== undefined);
  if (present.length) r.addOverride("depends_on", present.map(address));
}

export interface Precondition {
  /** Template text (`${…}`) or a test built with value.ts. */
  readonly condition: string | Value<boolean>;
  readonly errorMessage: string;
}

const preconditions = new WeakMap<TerraformResource, Precondition[]>();

/** Adds `lifecycle.precondition` blocks; several callers may add to one resource without replacing each other's. */
export function addPreconditions(r: TerraformResource, ...checks: Precondition[]): void {
  const all = [...(preconditions.get(r) ?? []), ...checks];
  preconditions.set(r, all);
  r.addOverride("lifecycle.precondition", all.map((p) => ({ condition: toTemplate(p.condition), error_message: p.errorMessage })));
}

/**
 * `lifecycle { prevent_destroy = true }`: Terraform refuses any plan that would destroy or replace the resource
 * (a literal in Terraform, so a module always carries it). For what holds logs or decrypts them; the one deliberate
 * way to let it go is README "Day-2 changes": take it out of state (`removed` / `terraform state rm`) or edit the
 * generated code on purpose.
 */
export function preventDestroy(r: TerraformResource): void {
  r.addOverride("lifecycle.prevent_destroy", true);
}
