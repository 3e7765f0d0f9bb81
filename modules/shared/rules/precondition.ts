import type { TerraformResource } from "../facade";
import { addPreconditions } from "../resources";
import { fixedAddress } from "../logical-id";
import type { CrossFieldRule } from "./cross-field";

/** An HCL expression of a construct prop: a Terraform reference (`${var.x}`) unwrapped, a literal value quoted. */
const expression = (value: string): string => (value.startsWith("${") ? value.slice(2, -1) : JSON.stringify(value));

/**
 * Adds the preconditions of `rules` to `resource`, each read off its rule object for this resource's address.
 * `values` supplies, by module variable name, the props the conditions read (literal in a deploy stack, `${var.…}`
 * in a module). A rule without a condition for this resource is a programming error: it fails the synth.
 */
export function enforce(resource: TerraformResource, rules: readonly CrossFieldRule[], values: Readonly<Record<string, string>> = {}): void {
  // Looked up by the fixed address: a construct in a user's app (path-derived IDs) carries the same preconditions.
  const at = fixedAddress(resource);
  const valueOf = (variable: string): string => {
    const value = values[variable];
    if (value === undefined) throw new Error(`a precondition on ${at} reads ${variable}, which its construct does not supply`);
    return expression(value);
  };
  addPreconditions(
    resource,
    ...rules.map((r) => {
      const condition = r.precondition?.on[at];
      if (condition === undefined) throw new Error(`the rule "${r.rule}" has no precondition on ${at}`);
      return { condition: `\${${typeof condition === "string" ? condition : condition(valueOf)}}`, errorMessage: r.precondition!.errorMessage };
    }),
  );
}
