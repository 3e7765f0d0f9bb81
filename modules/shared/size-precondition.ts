import type { TerraformResource } from "./facade";
import { LIMITS, type LimitKind } from "./limits";
import { addPreconditions, countTest } from "./resources";
import { local } from "./locals";
import { expr, interpolation, toHcl, toTemplate } from "./value";

/**
 * The size of a policy as AWS counts it, as a Terraform expression over `json` (the minified document, e.g.
 * `jsonencode(...)`). Terraform has no byte length: bytes are read off the base64 encoding (3 bytes per 4
 * characters, less the padding). jsonencode escapes <, > and & as \u003c...: counts are then a little high, never low.
 */
export function terraformPolicySize(json: string, kind: LimitKind): string {
  switch (LIMITS[kind].count) {
    case "bytes":
      return `(length(base64encode(${json})) / 4 * 3 - length(regexall("=", substr(base64encode(${json}), -2, -1))))`;
    case "characters":
      return `length(${json})`;
    case "non-whitespace characters":
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
  check: {
    readonly attribute: string;
    readonly localName: string;
    readonly name: string;
    readonly kind: LimitKind;
    readonly policy: string;
    /**
     * Keep the document on the attribute and measure it in the precondition. For resources whose inputs may be null
     * until the resource is wanted: a local is evaluated before any precondition could explain what is missing.
     */
    readonly inline?: boolean;
  },
): void {
  // A literal document (no interpolation) is measured at synth.
  const policy = interpolation(check.policy);
  if (policy === undefined) return;
  if (check.inline) {
    addSizeCheck(resource, check, terraformPolicySize(policy, check.kind));
    return;
  }
  // A local is evaluated even when its resource is counted out, and the inputs of an absent resource may be null:
  // guard it with the resource's own test (Terraform reports errors of the branch it takes only).
  const test = countTest(resource);
  const document = local(resource, check.localName, test === undefined ? check.policy : expr(`(${toHcl(test)}) ? ${policy} : null`));
  resource.addOverride(check.attribute, toTemplate(document));
  addSizeCheck(resource, check, terraformPolicySize(toHcl(document), check.kind));
}

function addSizeCheck(resource: TerraformResource, check: { readonly name: string; readonly kind: LimitKind }, sizeHcl: string): void {
  const { limit, unit, count } = LIMITS[check.kind];
  const size = toTemplate(expr(sizeHcl));
  addPreconditions(resource, {
    // try(): a document that cannot be built (null inputs) is reported by the input's own checks, not as a size.
    condition: toTemplate(expr(`try(${sizeHcl} <= ${limit}, true)`)),
    errorMessage: `The ${check.name} is ${size} ${unit}, over the AWS limit of ${limit} ${unit} for a ${check.kind} (${count}). Shorten the inputs it is built from.`,
  });
}
