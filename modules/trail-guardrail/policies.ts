import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import type { NamedPolicy } from "../shared/limits";
import { settingsOf } from "../organization/settings";
import { trailGuardrailScp } from "./guardrail-scp";

/** The guardrail SCP (5,120 characters). */
export function trailGuardrailPolicies(config: Config): NamedPolicy[] {
  const guardrail = config.trailGuardrail;
  if (!guardrail) return [];
  const roleName = guardrail.breakGlassRoleName;
  const scp = trailGuardrailScp({ ...settingsOf(config), breakGlass: { enabled: roleName !== undefined, roleName: roleName ?? "" } });
  return [{ name: "trail guardrail SCP", kind: "scp", document: resolveDocument(scp) }];
}
