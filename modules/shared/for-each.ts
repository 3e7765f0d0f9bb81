import type { TerraformResource } from "./facade";
import { address } from "./resources";
import { attribute, reference, toHcl, toTemplate, type Expr, type Value } from "./value";

/**
 * `for_each` over a map (or set) that is either literal (the deploy stack) or a Terraform expression (a vendorable
 * module's variable). Instances are addressed by key, so adding a key adds an instance and changes no other one,
 * which `count` over a list would not guarantee.
 */
export function forEach(r: TerraformResource, over: Value<Record<string, unknown>>): void {
  r.addOverride("for_each", toTemplate(over));
}

/** The set of a list's elements, for `for_each` over a list of IDs. */
export const toSet = (list: Value<readonly string[]>): Expr => reference(`toset(${toHcl(list)})`);

/** Inside a `for_each` resource: the instance's key and value. */
export const each = {
  key: reference("each.key"),
  value: reference("each.value"),
  /** A field of an object-valued instance, e.g. `each.value.require_mfa`. */
  field: (name: string): Expr => attribute(reference("each.value"), name),
} as const;

/** An attribute of the instance of `r` with the same key as the current one: `${aws_iam_role.reader[each.key].name}`. */
export const eachRef = (r: TerraformResource, name: string): string => toTemplate(reference(`${address(r)}[each.key].${name}`));

/** `{ key => attribute }` of every instance of a `for_each` resource. */
export const eachAttribute = (r: TerraformResource, name: string): string => toTemplate(reference(`{ for k, r in ${address(r)} : k => r.${name} }`));
