import type { Config } from "../../config/schema";
import type { DeployContext } from "../shared/concept";
import { advancedEventSelectors, toTerraformBlocks } from "./selectors";

/** The trail's advanced event selectors and Insights types of a config: the deploy stack's and the library's trail. */
export function trailSelectors(c: Config): { advancedEventSelectors: ReturnType<typeof toTerraformBlocks>; insightTypes: string[] } {
  const { organization: o, trail: t } = c;
  return {
    advancedEventSelectors: toTerraformBlocks(advancedEventSelectors({ partition: o.partition, managementEvents: t.managementEvents, dataEvents: t.dataEvents })),
    insightTypes: [...(t.insights ?? [])],
  };
}

/** The trail's advanced event selectors and Insights types. */
export function deployEventSelectors(ctx: DeployContext): void {
  Object.assign(ctx.trailOperations, trailSelectors(ctx.config));
}
