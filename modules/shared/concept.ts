import type { z } from "zod";
import type { Config } from "../../config/schema";
import type { AwsProvider, TerraformResource, TerraformStack } from "./facade";
import type { NamedPolicy } from "./limits";
import type { CrossFieldRule } from "./rules/cross-field";
import type { ModuleDoc } from "./module-doc";
import type { ModuleVariables, VariableSpec } from "./variables";
import type { TrailOperationsProps } from "../organization-trail/trail-operations";
import type { TrailKey } from "../trail-key/trail-key";

/** A config section's fields (zod), by name. */
export type Shape = Record<string, z.ZodType>;

/**
 * One concept of orgtrail, everything about it in `modules/<name>/`: its config sections (or the fields it adds to
 * another concept's section), its cross-field rules, the policies it produces, its part of the deploy stack and the
 * vendorable module it ships as. `modules/index.ts` lists every concept; every consumer reads that list.
 */
export interface Concept<S extends Shape = Record<never, never>, E extends Record<string, Shape> = Record<never, never>> {
  /** The folder name, also the name of its vendorable module when it has one. */
  readonly name: string;
  /** One line for help texts and docs. */
  readonly summary: string;
  /** Top-level config sections this concept owns. */
  readonly sections?: S;
  /** Fields this concept adds to sections other concepts own (appended in registry order). */
  readonly extends?: E;
  /** Settings this concept renamed, old config path to new: a config with the old name gets told the new one. */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Settings this concept removed, old config path to the message that says why and what replaces it ("was removed: …"). */
  readonly removed?: Readonly<Record<string, string>>;
  /**
   * Its rules between settings (or between its module's variables), in the order the config check reports them:
   * each carries its check of a parsed config, its module's precondition, or both (or is met by construction).
   */
  readonly crossFieldRules?: readonly CrossFieldRule[];
  /** Every policy document this concept produces for a config, as AWS will receive it. */
  readonly policies?: (c: Config) => NamedPolicy[];
  /** Concepts whose `deploy` must run before this one's (what it reads from the context, or waits for). */
  readonly needs?: readonly string[];
  /** Adds this concept's resources and outputs to the deploy stack (loaded only when a stack is built). */
  readonly deploy?: (ctx: DeployContext) => void;
  /** The vendorable module this concept ships as (loaded only when modules are built). */
  readonly module?: () => ModuleDefinition;
}

/** What the deploy stack's concepts share while they are added, in registry order. */
export interface DeployContext {
  readonly stack: TerraformStack;
  readonly config: Config;
  readonly providers: {
    management?: AwsProvider;
    /** The log-archive account's provider; undefined when the archive is in the management account. */
    logArchive?: AwsProvider;
    /** The CloudTrail delegated administrator's provider, when it creates the trail. */
    delegatedAdmin?: AwsProvider;
  };
  /** The trail key, created or brought (set by log-archive). */
  trailKey?: TrailKey;
  /** The organization trail (set by organization-trail): what must follow it, such as the guardrail's attachments, waits for it. */
  trail?: TerraformResource;
  /** What the trail must wait for: bucket policy, key, delivery targets, the admin registration. */
  readonly readyForTrail: TerraformResource[];
  /** The trail's settings beyond S3 delivery (delivery targets, selectors, Insights). */
  readonly trailOperations: { -readonly [K in keyof TrailOperationsProps]: TrailOperationsProps[K] };
  /** Adds an output of the deploy stack; `last` outputs summarise the archive and follow every other. */
  output(id: string, value: string, description: string, options?: { last?: boolean }): void;
}

/** A vendorable module: its variables (fixed order), how it is built from them, and its README. */
export interface ModuleDefinition {
  readonly name: string;
  readonly variables: readonly VariableSpec[];
  /** Adds resources, locals and outputs to the module's stack, from its variables. */
  readonly build: (stack: TerraformStack, v: ModuleVariables) => void;
  readonly doc: () => ModuleDoc;
}
