import type { Config } from "../../../config/schema";

/**
 * Cross-field rules: rules that relate settings to each other. Like the field rules, each is one object used
 * wherever the rule is enforced: `check` by the config check, `precondition` by the vendorable module whose
 * variables can break it, so a rule cannot be enforced in one place and forgotten in the other. Each concept lists
 * its rules in `modules/<concept>/rules.ts`; `orgtrail rules` lists them all.
 */

/** Reports one problem of a cross-field rule: where, the value, and the rule ("must …"). */
export type Report = (path: (string | number)[], input: unknown, message: string) => void;

/**
 * Supplies an expression a precondition reads, by module variable name: `var.<name>` in the vendorable module, the
 * literal value in a deploy stack that reuses the construct.
 */
export type ValueOf = (variable: string) => string;

/** How a vendorable module enforces a rule at plan time: a `lifecycle.precondition` on each listed resource. */
export interface ModulePrecondition {
  /** The vendorable module (its name under modules/). */
  readonly module: string;
  /** Terraform's message, in the module's variable names. */
  readonly errorMessage: string;
  /**
   * The condition (HCL, without `${}`) by the address of each resource that carries it. Written over the module's
   * variables and locals; a function of `v` where the construct also serves a deploy stack, which supplies the
   * expression as a literal value.
   */
  readonly on: Readonly<Record<string, string | ((v: ValueOf) => string)>>;
}

interface Described {
  /** The rule in words, as `orgtrail rules` lists it. */
  readonly rule: string;
  /** The document it comes from. */
  readonly source: string;
}

/** A rule the config check enforces, reporting every problem; a module may enforce it too. */
export interface ConfigRule extends Described {
  readonly check: (config: Config, report: Report) => void;
  readonly precondition?: ModulePrecondition;
}

/** A rule between a module's inputs that every config meets by construction (the config always sets what it needs). */
export interface ModuleOnlyRule extends Described {
  readonly check?: undefined;
  readonly precondition: ModulePrecondition;
}

/** A rule met by what orgtrail generates whatever the settings: nothing to check, listed so the list is complete. */
export interface ByConstructionRule extends Described {
  readonly check?: undefined;
  readonly precondition?: undefined;
  readonly byConstruction: true;
}

export type CrossFieldRule = ConfigRule | ModuleOnlyRule | ByConstructionRule;

/** Where a rule is enforced, in words (`orgtrail rules`). */
export function enforcedBy(r: CrossFieldRule): string[] {
  if ("byConstruction" in r) return ["what orgtrail generates (met by construction)"];
  return [...(r.check ? ["config check"] : []), ...(r.precondition ? [`${r.precondition.module} module (${Object.keys(r.precondition.on).join(", ")})`] : [])];
}
