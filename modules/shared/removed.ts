import type { TerraformStack } from "./facade";

/** `removed` blocks need Terraform 1.7. */
export const REMOVED_TERRAFORM_VERSION = ">= 1.7";

const kept = new WeakMap<TerraformStack, string[]>();

/**
 * `removed { from = <address>; lifecycle { destroy = false } }` for each address: when a config change drops a
 * resource that holds logs from a generated root, Terraform forgets it and leaves it, with what it holds, in AWS
 * instead of destroying it. Harmless when the state never had it. Several callers add to one list.
 * `newerTerraformRequired`: the stack already requires a Terraform at least as new (else it is raised to 1.7).
 */
export function keepWhenDropped(stack: TerraformStack, addresses: readonly string[], newerTerraformRequired: boolean): void {
  const all = [...(kept.get(stack) ?? []), ...addresses];
  kept.set(stack, all);
  stack.addOverride("removed", all.map((from) => ({ from, lifecycle: { destroy: false } })));
  if (!newerTerraformRequired) stack.addOverride("terraform.required_version", REMOVED_TERRAFORM_VERSION);
}
