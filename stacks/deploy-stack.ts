import { TerraformStack, type Construct } from "../modules/shared/facade";
import type { Config } from "../config/schema";
import { CONCEPTS } from "../modules";
import type { Concept, DeployContext } from "../modules/shared/concept";
import { output } from "../modules/shared/output";
import { useFixedAddresses } from "../modules/shared/logical-id";
import { PROVIDER_VERSION_RANGE, TERRAFORM_VERSION_RANGE } from "./to-module";

export const DEPLOY_STACK_NAME = "org-cloudtrail";

/**
 * The deployable root: every concept adds its part, in registry order except that a concept comes after the
 * concepts it `needs` (the trail after the bucket policy, the key and its delivery targets).
 */
export class OrgCloudTrailStack extends TerraformStack {
  constructor(scope: Construct, name: string, config: Config) {
    super(scope, name);
    useFixedAddresses(this);
    // cdktf pins the exact provider version it was built with; users need the supported range.
    this.addOverride("terraform.required_providers.aws", { source: "hashicorp/aws", version: PROVIDER_VERSION_RANGE });
    this.addOverride("terraform.required_version", TERRAFORM_VERSION_RANGE);

    const last: [string, string, string][] = [];
    const ctx: DeployContext = {
      stack: this,
      config,
      providers: {},
      readyForTrail: [],
      trailOperations: {},
      output: (id, value, description, options) => (options?.last ? last.push([id, value, description]) : output(this, id, value, description)),
    };
    for (const concept of deployOrder(CONCEPTS)) concept.deploy?.(ctx);
    for (const [id, value, description] of last) output(this, id, value, description);
  }
}

/** Registry order, except that each concept follows the concepts it needs (a stable topological order). */
export function deployOrder(concepts: readonly Concept[]): Concept[] {
  const done = new Set<string>();
  const order: Concept[] = [];
  const pending = [...concepts];
  while (pending.length) {
    const next = pending.findIndex((c) => (c.needs ?? []).every((n) => done.has(n)));
    if (next < 0) throw new Error(`concepts that need each other: ${pending.map((c) => c.name).join(", ")}`);
    const [concept] = pending.splice(next, 1);
    done.add(concept.name);
    order.push(concept);
  }
  return order;
}
