import { ConfigError, parseConfig } from "../config/load";
import type { Config } from "../config/schema";

/** A prop, and the config field whose rules it obeys (the same rules as `orgtrail validate`). */
export type PropFields = Readonly<Record<string, string>>;

/** Thrown by a construct whose props break a rule: every problem at once, each naming the prop. */
export class OrgtrailPropsError extends Error {
  constructor(
    readonly construct: string,
    readonly problems: readonly { readonly prop: string; readonly value?: unknown; readonly message: string }[],
  ) {
    super(
      `${construct}: ${problems.length} invalid prop${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p.prop}: ${p.message}${p.value === undefined ? "" : ` (got ${JSON.stringify(p.value)})`}`).join("\n"),
    );
    this.name = "OrgtrailPropsError";
  }
}

/**
 * Checks props through the config schema (its defaults included) and returns the config they stand for. `config`
 * places each prop in a config; `fields` names the config path of each prop, so an error names the prop.
 */
export function checkedConfig(construct: string, props: Readonly<Record<string, unknown>>, fields: PropFields, config: Record<string, unknown>): Config {
  try {
    return parseConfig(config, construct);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const byPath = new Map(Object.entries(fields).map(([prop, path]) => [path, prop]));
    const problems = e.problems.map((p) => {
      const prop = byPath.get(p.path);
      return prop ? { prop, value: props[prop], message: p.message } : { prop: p.path, value: p.value, message: p.message };
    });
    throw new OrgtrailPropsError(construct, problems);
  }
}
