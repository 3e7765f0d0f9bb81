import { TerraformOutput, type Construct, type TerraformResource } from "./facade";
import { address } from "./resources";

/** An output with a stable name; `dependsOn` makes readers of the output wait for those resources. */
export function output(scope: Construct, id: string, value: string, description: string, dependsOn?: readonly TerraformResource[]): TerraformOutput {
  const o = new TerraformOutput(scope, `output-${id}`, { value, description });
  o.overrideLogicalId(id);
  if (dependsOn) o.addOverride("depends_on", dependsOn.map(address));
  return o;
}
