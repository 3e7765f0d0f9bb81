import { TerraformStack, type Construct } from "./facade";
import { reference, toTemplate, type Expr, type Value } from "./value";

/** Declares `local.<name>` in the scope's stack (in declaration order) and returns the reference to it. */
export function local(scope: Construct, name: string, value: Value<unknown>): Expr {
  TerraformStack.of(scope).addOverride(`locals.${name}`, toTemplate(value));
  return reference(`local.${name}`);
}
