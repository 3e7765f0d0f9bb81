import { formatProblem, type Problem } from "../config/load";
import type { SizeReport } from "../modules/shared/limits";

/** How a command talks: progress and warnings on stderr, a summary on stdout; or only errors; or one JSON document. */
export type Mode = "human" | "quiet" | "json";

export const modeOf = (o: { quiet?: boolean; json?: boolean }): Mode => (o.json ? "json" : o.quiet ? "quiet" : "human");

export class Reporter {
  constructor(
    readonly command: string,
    readonly mode: Mode,
  ) {}

  /** A step in progress, for a person watching. */
  progress(step: string): void {
    if (this.mode === "human") process.stderr.write(`orgtrail ${this.command}: ${step}\n`);
  }

  /** Warnings, always: a person who asked for quiet still sees what may be wrong (JSON carries them in its document). */
  warnings(source: string, warnings: readonly Problem[]): void {
    if (this.mode === "json" || !warnings.length) return;
    process.stderr.write(`${source}: ${warnings.length} warning${warnings.length === 1 ? "" : "s"} (nothing fails because of them)\n${warnings.map(formatProblem).join("\n")}\n`);
  }

  /** What a person must know about the run, even with --quiet: on stderr unless the JSON document carries it. */
  notice(text: string): void {
    if (this.mode !== "json") process.stderr.write(`orgtrail ${this.command}: ${text}\n`);
  }

  /** What must not be silent, even with --quiet: on stderr unless the JSON document carries it. */
  alarm(text: string): void {
    if (this.mode !== "json" && text) process.stderr.write(text);
  }

  /** The result: `lines` for a person, `json` for a machine. */
  done(lines: readonly string[], json: Record<string, unknown>): void {
    if (this.mode === "json") this.json({ command: this.command, ok: true, exitCode: 0, ...json });
    else if (this.mode === "human") process.stdout.write(lines.map((l) => `${l}\n`).join(""));
  }

  /** A failure: the message on stderr (always, but in JSON mode), and the exit code. */
  fail(exitCode: number, error: string, message: string, json: Record<string, unknown> = {}): void {
    process.exitCode = exitCode;
    if (this.mode === "json") this.json({ command: this.command, ok: false, exitCode, error, message, ...json });
    else process.stderr.write(`orgtrail ${this.command}: ${message}\n`);
  }

  private json(doc: Record<string, unknown>): void {
    process.stdout.write(JSON.stringify(doc, null, 2) + "\n");
  }
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function policyLines(policies: readonly SizeReport[]): string[] {
  const width = Math.max(...policies.map((p) => p.name.length)) + 2;
  return [
    "Policies (size as AWS counts it / limit):",
    ...policies.map((p) => `  ${p.name.padEnd(width)}${String(p.size).padStart(6)} / ${p.limit} ${p.unit} (${percent(p).toFixed(1)}%)`),
  ];
}

export const percent = (p: SizeReport): number => Math.round((1000 * p.size) / p.limit) / 10;

export const policyJson = (policies: readonly SizeReport[]) => policies.map((p) => ({ ...p, percent: percent(p) }));
