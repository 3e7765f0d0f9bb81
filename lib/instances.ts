import type { TerraformResource } from "../modules/shared/facade";
import { address } from "../modules/shared/resources";
import { reference, toTemplate } from "../modules/shared/value";

/** `{ key => attribute }` of a `for_each` resource, one reference per instance: `${aws_iam_role.x["key"].arn}`. */
export function instanceRefs(r: TerraformResource, keys: readonly string[], attribute: string): Readonly<Record<string, string>> {
  return Object.fromEntries(keys.map((k) => [k, toTemplate(reference(`${address(r)}[${JSON.stringify(k)}].${attribute}`))]));
}
