import { EXAMPLE_CONFIG } from "../../config/example";
import { parseConfig } from "../../config/load";
import type { Config, ConfigInput } from "../../config/schema";

/**
 * Configs for tests: the example with overrides. Kept apart from ./synth (which re-exports it) so that a suite that
 * only needs a config does not load the deploy stack and synth.
 */
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** The example config with overrides merged in (objects deep, everything else replaced). */
export function exampleWith(overrides: DeepPartial<ConfigInput> = {}): ConfigInput {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
      const out: Record<string, unknown> = { ...(a as object) };
      for (const [k, v] of Object.entries(b)) out[k] = merge(out[k], v);
      return out;
    }
    return b;
  };
  return merge(EXAMPLE_CONFIG, overrides) as ConfigInput;
}

export const config = (overrides: DeepPartial<ConfigInput> = {}): Config => parseConfig(exampleWith(overrides));
