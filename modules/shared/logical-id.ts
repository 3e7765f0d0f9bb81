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

/**
 * Gives `element` its fixed logical ID where the stack asked for fixed addresses; elsewhere (a user's cdktf app)
 * cdktf derives the ID from the construct path, so two instances, or a user's resource with the same name, coexist.
 */
export function fixedId(element: { readonly node: Construct["node"]; overrideLogicalId(id: string): void }, id: string): void {
  if (element.node.tryGetContext(FIXED_ADDRESSES) === true) element.overrideLogicalId(id);
}
