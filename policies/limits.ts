import type { ResolvedDocument } from "./document";

/** AWS size limits for policy documents, and how AWS counts them. */
export const LIMITS = {
  bucketPolicy: { limit: 20 * 1024, unit: "bytes", count: "bytes of the minified JSON" },
  keyPolicy: { limit: 32768, unit: "bytes", count: "bytes" },
  trustPolicy: { limit: 2048, unit: "characters", count: "non-whitespace characters" },
  managedPolicy: { limit: 6144, unit: "characters", count: "non-whitespace characters" },
  inlinePoliciesPerRole: { limit: 10240, unit: "characters", count: "non-whitespace characters" },
  scp: { limit: 5120, unit: "characters", count: "all characters" },
  snsTopicPolicy: { limit: 30 * 1024, unit: "bytes", count: "bytes" },
} as const;

export type LimitKind = keyof typeof LIMITS;

/** The size of a document as AWS counts it for that kind of policy. */
export function policySize(doc: ResolvedDocument, kind: LimitKind): number {
  const json = JSON.stringify(doc);
  switch (kind) {
    case "bucketPolicy":
    case "keyPolicy":
    case "snsTopicPolicy":
      return Buffer.byteLength(json, "utf8");
    case "scp":
      return json.length;
    default:
      return json.replace(/\s/g, "").length;
  }
}

export interface SizeReport {
  readonly name: string;
  readonly kind: LimitKind;
  readonly size: number;
  readonly limit: number;
  readonly unit: string;
}

export function measure(name: string, doc: ResolvedDocument, kind: LimitKind): SizeReport {
  const { limit, unit } = LIMITS[kind];
  return { name, kind, size: policySize(doc, kind), limit, unit };
}

export class PolicyTooLargeError extends Error {
  constructor(readonly reports: readonly SizeReport[]) {
    super(
      reports
        .map((r) => `${r.name}: ${r.size} ${r.unit} exceeds the AWS limit of ${r.limit} ${r.unit} for a ${r.kind} (${LIMITS[r.kind].count})`)
        .join("\n"),
    );
    this.name = "PolicyTooLargeError";
  }
}

/** Throws one error naming every document over its limit. */
export function assertWithinLimits(reports: readonly SizeReport[]): void {
  const over = reports.filter((r) => r.size > r.limit);
  if (over.length) throw new PolicyTooLargeError(over);
}
