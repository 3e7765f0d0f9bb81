import type { Construct } from "./facade";

/** Context key set on a stack whose resources keep orgtrail's fixed Terraform addresses. */
const FIXED_ADDRESSES = "orgtrail:fixedAddresses";

/**
 * The deploy stack and the vendorable modules keep today's addresses (`aws_cloudtrail.organization`), so that
 * users' state and `moved` blocks stay valid. Call before any construct is added to `stack`.
 */
export function useFixedAddresses(stack: Construct): void {
  stack.node.setContext(FIXED_ADDRESSES, true);
}

/** Each element's fixed ID, whether or not its stack uses it. */
const FIXED_IDS = new WeakMap<object, string>();

/**
 * Gives `element` its fixed logical ID where the stack asked for fixed addresses; elsewhere (a user's cdktf app)
 * cdktf derives the ID from the construct path, so two instances, or a user's resource with the same name, coexist.
 */
export function fixedId(element: { readonly node: Construct["node"]; overrideLogicalId(id: string): void }, id: string): void {
  FIXED_IDS.set(element, id);
  if (element.node.tryGetContext(FIXED_ADDRESSES) === true) element.overrideLogicalId(id);
}

/**
 * The address a resource has in the deploy stack and the modules (`aws_iam_role.third_party_reader`), wherever it
 * is: what tables keyed by address (the rules' preconditions) look it up by. Its own address when it has no fixed ID.
 */
export function fixedAddress(r: { readonly terraformResourceType: string; readonly friendlyUniqueId: string }): string {
  return `${r.terraformResourceType}.${FIXED_IDS.get(r) ?? r.friendlyUniqueId}`;
}
