import { TerraformOutput, type Construct, type TerraformResource } from "./facade";
import { address } from "./resources";
import { toTemplate, type Value } from "./value";

/** An output with a stable name; `dependsOn` makes readers of the output wait for those resources. */
export function output(scope: Construct, id: string, value: Value<string | null>, description: string, dependsOn?: readonly TerraformResource[]): TerraformOutput {
  const o = new TerraformOutput(scope, `output-${id}`, { value: toTemplate(value), description });
  o.overrideLogicalId(id);
  if (dependsOn) o.addOverride("depends_on", dependsOn.map(address));
  return o;
}
