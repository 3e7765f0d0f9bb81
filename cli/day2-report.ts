import type { Day2Change, Day2Comparison } from "../stacks/day2/change";
import { plural } from "./report";

/** Human lines are wrapped to this width, so a block reads in a terminal and in a CI log. */
const WIDTH = 118;

export const HEADLINE: Record<Day2Change["outcome"], (c: Day2Change) => string> = {
  destroyed: (c) => `${c.subject} is destroyed`,
  refused: (c) => `refused by Terraform (prevent_destroy); ${c.subject} stays`,
  kept: (c) => `${c.subject} is kept in AWS, outside Terraform`,
  stranded: (c) => `${c.subject} leaves its history behind`,
};

/**
 * The warnings for a person, one block per change: address, what Terraform does, why, what happens to the logs,
 * and the safe way. Empty when there is nothing to say (a first synth, or nothing that touches logs).
 */
export function day2Text(command: string, comparison: Day2Comparison, failOnDestroy: boolean): string {
  if (comparison.unreadable) {
    return `orgtrail ${command}: could not read the previous deploy stack (${comparison.unreadable}): changes to deployed logs were not checked.\n`;
  }
  const { changes } = comparison;
  if (!changes.length) return "";
  const blocks = changes.map((c) =>
    [
      `  ${c.address}: ${c.action} — ${HEADLINE[c.outcome](c)}`,
      field("why", c.reason),
      field("logs", c.effect),
      field("safely", c.remedy),
    ].join("\n"),
  );
  const footer = failOnDestroy ? [] : ["Warnings do not change the exit code: the output is written. --fail-on-destroy refuses instead when logs would be destroyed.", ""];
  return [
    `orgtrail ${command}: ${plural(changes.length, "change")} to resources that hold or produce logs, compared with ${comparison.comparedWith}:`,
    "",
    ...blocks.flatMap((b) => [b, ""]),
    ...footer,
  ].join("\n");
}

/** The same for a machine: `--json` carries every change with all its fields. */
export const day2Json = (comparison: Day2Comparison) => ({
  comparedWith: comparison.comparedWith ?? null,
  ...(comparison.unreadable ? { day2Unreadable: comparison.unreadable } : {}),
  day2Changes: comparison.changes,
});

/** `    label:  text`, wrapped at WIDTH with the text's left edge kept. */
export function field(label: string, text: string): string {
  const indent = " ".repeat(12);
  const lines: string[] = [];
  let line = `    ${`${label}:`.padEnd(8)}`;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length > WIDTH && line.length > indent.length) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines.join("\n");
}
