import type { Config } from "../../config/schema";
import { resolveDocument } from "../shared/document";
import { literalInputs } from "../shared/inputs";
import type { NamedPolicy } from "../shared/limits";
import { TRAIL_GUARDRAIL_VARIABLES } from "./inputs";
import { trailGuardrailProps } from "./props";
import { trailGuardrailScp } from "./guardrail-scp";
import { dataPerimeterRcp } from "./perimeter-rcp";

/** The guardrail SCP and, with the data perimeter, the RCP (5,120 characters each), from the props the deploy stack and the module build them from. */
export function trailGuardrailPolicies(config: Config): NamedPolicy[] {
  if (!config.trailGuardrail) return [];
  const props = trailGuardrailProps(literalInputs(TRAIL_GUARDRAIL_VARIABLES, config));
  const scp: NamedPolicy = { name: "trail guardrail SCP", kind: "scp", document: resolveDocument(trailGuardrailScp(props)) };
  if (!config.trailGuardrail.dataPerimeter) return [scp];
  const rcp = dataPerimeterRcp({ ...props, bucketName: props.archive.bucketName, keyArn: props.archive.keyArn });
  return [scp, { name: "data perimeter RCP", kind: "rcp", document: resolveDocument(rcp) }];
}
