import { LIMITS, policySize, type LimitKind } from "../../modules/shared/limits";
import { losesLogs, type Day2Change } from "../day2/change";
import { accessChanges, type AccessChanges } from "./access";
import { destructiveChanges } from "./destructive";
import { accountsOfThePlan, policiesIn, type PlanDocument, type PlannedPolicy } from "./plan";

export interface SizeChange {
  readonly name: string;
  readonly address: string;
  readonly kind: LimitKind;
  /** Undefined when the policy is new (before) or gone (after); `"unknown"` when computed during apply. */
  readonly before?: number;
  readonly after?: number | "unknown";
  readonly limit: number;
  readonly unit: string;
}

export interface Review {
  readonly access: AccessChanges;
  readonly destructive: readonly Day2Change[];
  readonly sizes: readonly SizeChange[];
  /** The accounts the plan shows as the organization's (what "external" is measured against). */
  readonly organizationAccounts: readonly string[];
}

export function review(plan: PlanDocument): Review {
  const policies = policiesIn(plan);
  const members = accountsOfThePlan(plan);
  return {
    access: accessChanges(policies, members),
    destructive: destructiveChanges(plan),
    sizes: policies.map(sizeChange),
    organizationAccounts: [...members].sort(),
  };
}

function sizeChange(p: PlannedPolicy): SizeChange {
  const { limit, unit } = LIMITS[p.kind];
  return {
    name: p.name,
    address: p.address,
    kind: p.kind,
    before: p.before ? policySize(p.before, p.kind) : undefined,
    after: p.after === "unknown" ? "unknown" : p.after ? policySize(p.after, p.kind) : undefined,
    limit,
    unit,
  };
}

/** What `--fail-on` can gate on; each a test of the review. */
export const GATES = {
  destroy: { means: "a change destroys a resource that holds, produces or decrypts logs (trail, bucket, key, log group)", hit: (r: Review) => r.destructive.some(losesLogs) },
  strand: { means: "a key prefix move or key switch leaves the history behind", hit: (r: Review) => r.destructive.some((c) => c.outcome === "stranded") },
  "new-external-access": { means: "an account outside the organization, or anyone (*), gains access", hit: (r: Review) => r.access.callouts.length > 0 },
  "new-access": { means: "any principal gains an Allow", hit: (r: Review) => r.access.principals.some((p) => p.gained.some((g) => g.effect === "Allow")) },
  "lost-access": { means: "any principal loses an Allow", hit: (r: Review) => r.access.principals.some((p) => p.lost.some((g) => g.effect === "Allow")) },
  "over-limit": { means: "a policy is over its AWS size limit after the change", hit: (r: Review) => r.sizes.some((s) => typeof s.after === "number" && s.after > s.limit) },
  "unknown-policy": { means: "a policy is computed during apply, so its access cannot be reviewed", hit: (r: Review) => r.access.unknown.length > 0 },
} as const satisfies Record<string, { means: string; hit: (r: Review) => boolean }>;

export type Gate = keyof typeof GATES;

export const isGate = (g: string): g is Gate => Object.prototype.hasOwnProperty.call(GATES, g);

/** The gates of `failOn` the review hits. */
export const gatesHit = (r: Review, failOn: readonly Gate[]): Gate[] => failOn.filter((g) => GATES[g].hit(r));
