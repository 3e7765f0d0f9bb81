import type { TerraformResource } from "./facade";

/**
 * `for_each` over a map (or set) that is either literal (the deploy stack) or a Terraform expression (a vendorable
 * module's variable). Instances are addressed by key, so adding a key adds an instance and changes no other one,
 * which `count` over a list would not guarantee.
 */
export function forEach(r: TerraformResource, over: Record<string, unknown> | string): void {
  r.addOverride("for_each", over);
}

/** `{ key => attribute }` of every instance of a `for_each` resource. */
export const eachAttribute = (r: TerraformResource, attribute: string): string =>
  `\${{ for k, r in ${r.terraformResourceType}.${r.friendlyUniqueId} : k => r.${attribute} }}`;
