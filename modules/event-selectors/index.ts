import type { Concept } from "../shared/concept";
import { eventSelectorsExtends } from "./config";
import { EVENT_SELECTORS_RULES } from "./rules";

/** Which events the trail logs (advanced event selectors) and its Insights. */
export const eventSelectors: Concept<Record<never, never>, typeof eventSelectorsExtends> = {
  name: "event-selectors",
  summary: "which management and data events the trail logs, and Insights",
  extends: eventSelectorsExtends,
  crossFieldRules: EVENT_SELECTORS_RULES,
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployEventSelectors(ctx),
};
