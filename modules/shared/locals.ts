import { TerraformStack, type Construct } from "./facade";
import { isExpr, reference, toTemplate, type Value } from "./value";

/**
 * Declares `local.<name>` in the scope's stack (in declaration order) and returns the reference to it. A value known
 * at synth (a deploy stack's) needs no local: it is returned as it is.
 */
export function local<T>(scope: Construct, name: string, value: Value<T>): Value<T> {
  if (knownAtSynth(value)) return value;
  TerraformStack.of(scope).addOverride(`locals.${name}`, toTemplate(value));
  return reference(`local.${name}`);
}

/** Neither an expression nor template text with an interpolation (`$${` is an escape, not one). */
const knownAtSynth = (v: unknown): boolean => !isExpr(v) && !(typeof v === "string" && /(^|[^$])\$\{/.test(v));
