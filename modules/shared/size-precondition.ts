import { TerraformStack, type TerraformResource } from "../../facade";
import { LIMITS, type LimitKind } from "../../policies/limits";

/**
 * The size of a policy as AWS counts it, as a Terraform expression over `json` (the minified document, e.g.
 * `jsonencode(...)`). Terraform has no byte length: bytes are read off the base64 encoding (3 bytes per 4
 * characters, less the padding). jsonencode escapes <, > and & as \u003c...: counts are then a little high, never low.
 */
export function terraformPolicySize(json: string, kind: LimitKind): string {
  switch (kind) {
    case "bucketPolicy":
    case "keyPolicy":
      return `(length(base64encode(${json})) / 4 * 3 - length(regexall("=", substr(base64encode(${json}), -2, -1))))`;
    case "scp":
      return `length(${json})`;
    default:
      return `length(replace(${json}, "/\\\\s/", ""))`;
  }
}

/**
 * Fails `terraform plan` with the document's name, size and limit when a policy built from module variables exceeds
 * its AWS limit, so a plain-Terraform user gets the error before AWS does. The document moves to a local value
 * (`local.<localName>`), which the resource's `attribute` and the precondition both read, so a reviewer reads it once.
 * A literal policy (a deploy stack, checked at synth) is left as it is.
 */
export function addSizePrecondition(
  resource: TerraformResource,
  check: { readonly attribute: string; readonly localName: string; readonly name: string; readonly kind: LimitKind; readonly policy: string },
): void {
  if (!/^\$\{.*\}$/s.test(check.policy)) return;
  const local = `local.${check.localName}`;
  TerraformStack.of(resource).addOverride(`locals.${check.localName}`, check.policy);
  resource.addOverride(check.attribute, `\${${local}}`);
  const { limit, unit, count } = LIMITS[check.kind];
  const size = terraformPolicySize(local, check.kind);
  resource.addOverride("lifecycle.precondition", [
    {
      condition: `\${${size} <= ${limit}}`,
      error_message: `The ${check.name} is \${${size}} ${unit}, over the AWS limit of ${limit} ${unit} for a ${check.kind} (${count}). Shorten the inputs it is built from.`,
    },
  ]);
}
