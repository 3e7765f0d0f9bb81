import type { DeployContext } from "../shared/concept";
import { advancedEventSelectors, toTerraformBlocks } from "./selectors";

/** The trail's advanced event selectors and Insights types. */
export function deployEventSelectors(ctx: DeployContext): void {
  const { organization: o, trail: t } = ctx.config;
  ctx.trailOperations.advancedEventSelectors = toTerraformBlocks(advancedEventSelectors({ partition: o.partition, managementEvents: t.managementEvents, dataEvents: t.dataEvents }));
  ctx.trailOperations.insightTypes = [...(t.insights ?? [])];
}
