import { TerraformStack } from "../shared/facade";
import type { ModuleDefinition } from "../shared/concept";
import { output } from "../shared/output";
import { eachAttribute } from "../shared/for-each";
import type { ModuleVariables } from "../shared/variables";
import { trailAlarmsProps } from "./props";
import { TrailAlarms } from "./trail-alarms";
import { TRAIL_ALARMS_DOC } from "./readme";
import { TRAIL_ALARMS_VARIABLES } from "./inputs";

export { TRAIL_ALARMS_VARIABLES };

/** trail-alarms: the CIS metric filters and alarms on the organization trail's log group. */
function build(stack: TerraformStack, v: ModuleVariables): void {
  const alarms = new TrailAlarms(stack, "trail-alarms", trailAlarmsProps(stack, v));
  output(stack, "alarm_arns", alarms.alarmArns, "CIS monitoring alarm ARN by alarm id.");
  output(stack, "alarm_names", eachAttribute(alarms.alarm, "alarm_name"), "CIS monitoring alarm name by alarm id.");
}

export const trailAlarmsModule = (): ModuleDefinition => ({ name: "trail-alarms", variables: TRAIL_ALARMS_VARIABLES, build, doc: TRAIL_ALARMS_DOC });
