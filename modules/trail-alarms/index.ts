import type { Concept } from "../shared/concept";
import { trailAlarmsExtends } from "./config";
import { TRAIL_ALARMS_RULES } from "./rules";

/** CIS monitoring: metric filters and alarms on the trail's CloudWatch Logs log group. */
export const trailAlarms: Concept<Record<never, never>, typeof trailAlarmsExtends> = {
  name: "trail-alarms",
  summary: "CIS metric filters and alarms on the trail's CloudWatch Logs log group",
  extends: trailAlarmsExtends,
  crossFieldRules: TRAIL_ALARMS_RULES,
  needs: ["trail-delivery"],
  deploy: (ctx) => (require("./deploy") as typeof import("./deploy")).deployTrailAlarms(ctx),
  module: () => (require("./module") as typeof import("./module")).trailAlarmsModule(),
};
