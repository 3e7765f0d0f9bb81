import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import { literalInputs } from "../shared/inputs";
import type { NamedPolicy } from "../shared/limits";
import { TRAIL_GUARDRAIL_VARIABLES } from "./inputs";
import { trailGuardrailProps } from "./props";
import { trailGuardrailScp } from "./guardrail-scp";

/** The guardrail SCP (5,120 characters), from the same props the deploy stack and the module build it from. */
export function trailGuardrailPolicies(config: Config): NamedPolicy[] {
  if (!config.trailGuardrail) return [];
  const scp = trailGuardrailScp(trailGuardrailProps(literalInputs(TRAIL_GUARDRAIL_VARIABLES, config)));
  return [{ name: "trail guardrail SCP", kind: "scp", document: resolveDocument(scp) }];
}
