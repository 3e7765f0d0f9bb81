import type { TerraformResource } from "./facade";
import { isDeferred, type Test } from "./document";

/**
 * Helpers that let one construct serve a deploy stack (literal config values: decide here) and a vendorable module
 * (Terraform variables: decide at plan time with `count`).
 */

/** Resources created through `count`, with the test that decides them. */
const counted = new WeakMap<TerraformResource, string>();

/** The Terraform test that decides whether a counted resource exists; undefined for an unconditional one. */
export const countTest = (r: TerraformResource): string | undefined => counted.get(r);

/** Creates the resource when `test` holds: now for a literal, through `count` for a deferred test. */
export function optional<R extends TerraformResource>(test: Test, create: () => R): R | undefined {
  if (test === false) return undefined;
  const resource = create();
  if (isDeferred(test)) {
    resource.addOverride("count", `\${${test.deferred} ? 1 : 0}`);
    counted.set(resource, test.deferred);
  }
  return resource;
}

/** The Terraform address of a resource, e.g. `aws_s3_bucket.log_archive`. */
export const address = (r: TerraformResource): string => `${r.terraformResourceType}.${r.friendlyUniqueId}`;

/** A reference to an attribute, valid whether or not the resource is counted. */
export function ref(r: TerraformResource, attribute: string): string {
  return counted.has(r) ? `\${one(${address(r)}[*].${attribute})}` : `\${${address(r)}.${attribute}}`;
}

/** Resource tags: a literal map, or a Terraform expression such as `${var.tags}`. */
export type Tags = Record<string, string> | string;

export function tag(r: TerraformResource, tags: Tags | undefined): void {
  if (tags === undefined || (typeof tags === "object" && Object.keys(tags).length === 0)) return;
  r.addOverride("tags", tags);
}

/** `depends_on` by address, for resources that may be counted (cdktf's own dependsOn accepts either). */
export function dependOn(r: TerraformResource, ...on: (TerraformResource | undefined)[]): void {
  const present = on.filter((x): x is TerraformResource => x !== undefined);
  if (present.length) r.addOverride("depends_on", present.map(address));
}

export interface Precondition {
  readonly condition: string;
  readonly errorMessage: string;
}

const preconditions = new WeakMap<TerraformResource, Precondition[]>();

/** Adds `lifecycle.precondition` blocks; several callers may add to one resource without replacing each other's. */
export function addPreconditions(r: TerraformResource, ...checks: Precondition[]): void {
  const all = [...(preconditions.get(r) ?? []), ...checks];
  preconditions.set(r, all);
  r.addOverride("lifecycle.precondition", all.map((p) => ({ condition: p.condition, error_message: p.errorMessage })));
}
