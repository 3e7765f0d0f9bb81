import type { Config } from "../config/schema";
import { CONCEPTS } from "../modules";
import { measure, type NamedPolicy, type SizeReport } from "../modules/shared/limits";

export type { NamedPolicy };

/** Every policy document a config produces, as AWS will receive it, concept by concept. */
export function policiesOf(config: Config): NamedPolicy[] {
  return CONCEPTS.flatMap((c) => c.policies?.(config) ?? []);
}

export function policySizes(config: Config): SizeReport[] {
  return policiesOf(config).map((p) => measure(p.name, p.document, p.kind));
}
