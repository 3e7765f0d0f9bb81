import type { Construct } from "../shared/facade";
import type { Inputs } from "../shared/inputs";
import { isExpr, reference, toHcl, type Value } from "../shared/value";
import { ALARM_TABLE, type AlarmEntry } from "./settings";
import type { TrailAlarmsProps } from "./trail-alarms";
import { TerraformStack } from "../shared/facade";

/**
 * The alarms to create: at synth for a config (every alarm not disabled), at plan time for the module (a `for`
 * over `local.cis_alarms`, the whole catalog, filtered by its variables).
 */
function selection(scope: Construct, enabled: Value<boolean>, disabled: Value<readonly string[]>): Value<Record<string, AlarmEntry>> {
  if (!isExpr(enabled) && !isExpr(disabled)) {
    return enabled ? Object.fromEntries(Object.entries(ALARM_TABLE).filter(([id]) => !disabled.includes(id))) : {};
  }
  TerraformStack.of(scope).addOverride("locals.cis_alarms", ALARM_TABLE);
  return reference(`{ for id, a in local.cis_alarms : id => a if ${toHcl(enabled)} && !contains(${toHcl(disabled)}, id) }`);
}

/** The alarms' props from the module's inputs: literal in the deploy stack, `var.*` in the module. */
export const trailAlarmsProps = (scope: Construct, v: Inputs): TrailAlarmsProps => ({
  logGroupName: v.s("log_group_name"),
  alarms: selection(scope, v.value("alarms_enabled"), v.value("disabled_alarms")),
  namespace: v.s("namespace"),
  namePrefix: v.s("name_prefix"),
  topicArn: v.value("alarm_topic_arn"),
  tags: v.value("tags"),
});
