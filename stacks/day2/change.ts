/**
 * A change between two deploy stacks to a resource that holds or produces logs: what Terraform will do to it, why,
 * what that does to the logs already there, and how to make the change safely.
 */
export interface Day2Change {
  /** Resource instance address as `terraform plan` prints it, e.g. `aws_s3_bucket.log_archive`. */
  readonly address: string;
  /** What the resource is, in the previous output: `S3 bucket "example-org-cloudtrail-logs"`. */
  readonly subject: string;
  /** What the plan will show for the resource. */
  readonly action: Day2Action;
  /** What happens to the logs it holds or produces. */
  readonly outcome: Day2Outcome;
  /** The arguments whose change causes it; empty when the resource leaves the configuration. */
  readonly arguments: readonly string[];
  readonly reason: string;
  readonly effect: string;
  readonly remedy: string;
}

/** `replace`: destroyed and created again; `destroy`: gone from the configuration; `update`: changed in place. */
export type Day2Action = "replace" | "destroy" | "update";

/**
 * - `destroyed`: the previous resource, and what it holds, is deleted (or scheduled for deletion);
 * - `refused`: `lifecycle.prevent_destroy` makes Terraform refuse the plan: nothing is destroyed, nothing applied;
 * - `kept`: Terraform forgets the previous resource but leaves it in AWS (`skip_destroy`, a `removed` block);
 * - `stranded`: nothing is deleted, but the history no longer sits where new logs go or readers look.
 */
export type Day2Outcome = "destroyed" | "refused" | "kept" | "stranded";

/** What synth compared its output with. */
export interface Day2Comparison {
  /** The previous deploy stack's file, or undefined when `--out` held none (a first synth). */
  readonly comparedWith?: string;
  /** Why the previous deploy stack could not be read, when it could not: then nothing was compared. */
  readonly unreadable?: string;
  readonly changes: readonly Day2Change[];
}

/** True when applying would delete logs or the key that decrypts them: what `--fail-on-destroy` refuses. */
export const losesLogs = (c: Day2Change): boolean => c.outcome === "destroyed";

/** Thrown by synth with `failOnDestroy` when a change would delete logs; nothing has been written. */
export class LogsAtRiskError extends Error {
  constructor(readonly comparison: Day2Comparison) {
    const lost = comparison.changes.filter(losesLogs);
    super(
      comparison.unreadable
        ? `the previous output could not be compared (${comparison.unreadable}), so --fail-on-destroy cannot tell whether logs would be lost: refusing to write`
        : `${lost.length === 1 ? "1 change would destroy a resource that holds, produces or decrypts" : `${lost.length} changes would destroy resources that hold, produce or decrypt`} logs (${lost.map((c) => c.address).join(", ")}) and --fail-on-destroy is set: refusing to write`,
    );
    this.name = "LogsAtRiskError";
  }
}
