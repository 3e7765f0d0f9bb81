import type { DeployContext } from "../shared/concept";
import { dependOn } from "../shared/resources";
import { literalInputs } from "../shared/variables";
import { TRAIL_ALARMS_VARIABLES } from "./inputs";
import { trailAlarmsProps } from "./props";
import { alarmsOf } from "./settings";
import { TrailAlarms } from "./trail-alarms";

/** The CIS metric filters and alarms on the trail's log group, in the account that holds it: the module's inputs, read off the config. */
export function deployTrailAlarms(ctx: DeployContext): void {
  if (!alarmsOf(ctx.config)) return;
  const alarms = new TrailAlarms(ctx.stack, "trail-alarms", { ...trailAlarmsProps(ctx.stack, literalInputs(TRAIL_ALARMS_VARIABLES, ctx.config)), provider: ctx.providers.delegatedAdmin });
  // The filters name the log group by its name (known at plan time), which orders nothing: they wait for the group
  // that trail-delivery created (one of what the trail waits for), or CloudWatch Logs refuses a filter on a missing group.
  dependOn(alarms.filter, ...ctx.readyForTrail.filter((r) => r.terraformResourceType === "aws_cloudwatch_log_group"));
  ctx.output("cis_alarm_arns", alarms.alarmArns, "CIS monitoring alarm ARN by alarm id.");
}
