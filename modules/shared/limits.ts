import type { ResolvedDocument } from "./document";

/** How AWS counts a document's size against a limit. */
export type Counting = "bytes" | "characters" | "non-whitespace characters";

/** AWS size limits for policy documents, and how AWS counts them. */
export const LIMITS = {
  bucketPolicy: { limit: 20 * 1024, unit: "bytes", count: "bytes" },
  keyPolicy: { limit: 32768, unit: "bytes", count: "bytes" },
  trustPolicy: { limit: 2048, unit: "characters", count: "non-whitespace characters" },
  managedPolicy: { limit: 6144, unit: "characters", count: "non-whitespace characters" },
  inlinePoliciesPerRole: { limit: 10240, unit: "characters", count: "non-whitespace characters" },
  scp: { limit: 5120, unit: "characters", count: "characters" },
  rcp: { limit: 5120, unit: "characters", count: "characters" },
  snsTopicPolicy: { limit: 30 * 1024, unit: "bytes", count: "bytes" },
} as const satisfies Record<string, { limit: number; unit: string; count: Counting }>;

export type LimitKind = keyof typeof LIMITS;

/** The size of a document (minified JSON) as AWS counts it for that kind of policy. */
export function policySize(doc: ResolvedDocument, kind: LimitKind): number {
  const json = JSON.stringify(doc);
  switch (LIMITS[kind].count) {
    case "bytes":
      return Buffer.byteLength(json, "utf8");
    case "characters":
      return json.length;
    case "non-whitespace characters":
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

/** A policy document a config produces, as AWS will receive it, with the limit it is measured against. */
export interface NamedPolicy {
  readonly name: string;
  readonly kind: LimitKind;
  readonly document: ResolvedDocument;
}
