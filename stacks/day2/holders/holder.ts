import type { Body } from "../terraform-json";

/**
 * What Terraform does to one resource type that holds or produces logs, as the provider (hashicorp/aws 5.100)
 * decides it: which arguments force a new resource, what deleting one does to its logs, and the safe way.
 */
export interface LogHolder {
  readonly type: string;
  /** What the resource is, read off its previous arguments: `S3 bucket "example-org-cloudtrail-logs"`. */
  subject(before: Body): string;
  /** Arguments the provider marks ForceNew: a different value destroys the resource and creates another. */
  readonly forcesReplacement: readonly ForcingArgument[];
  /** What destroying the previous resource does to the logs in it. */
  destroyed(c: HolderContext): string;
  /**
   * When the provider itself keeps the object at delete time (a setting it reads from state, such as a log group's
   * `skip_destroy`): what happens instead. Undefined when it deletes.
   */
  keptByState?(c: HolderContext): string | undefined;
  /** How to make the change without losing logs. */
  remedy(c: HolderContext): string;
  /** What is left to do when the new output itself keeps the resource (a `removed` block): undefined uses `remedy`. */
  keptRemedy?(c: HolderContext): string;
  /**
   * Resources that configure this one and belong with it when it is kept out of state (an S3 bucket's policy,
   * encryption, lifecycle …): types starting with `typePrefix` whose `argument` refers to it.
   */
  readonly configuredBy?: { readonly typePrefix: string; readonly argument: string };
  /** In-place changes that leave the history behind: each one a warning of its own. */
  readonly strands?: readonly StrandingRule[];
}

export interface ForcingArgument {
  readonly name: string;
  /**
   * What the argument means when the config leaves it out. `prior`: it is Optional+Computed, so leaving it out
   * keeps what the state holds (`createdAs` is what a resource created without it holds). `default`: the
   * provider's default applies, and a change to or from it is a change.
   */
  readonly omitted: { readonly prior: true; readonly createdAs?: unknown } | { readonly default: unknown };
  /** Why a new value needs a new resource, as a reader understands it. */
  readonly why: string;
}

export interface StrandingRule {
  /** Arguments of which any change triggers the rule. */
  readonly arguments: readonly string[];
  /** Value an argument has when left out (e.g. no key prefix is ""). */
  readonly omitted?: Readonly<Record<string, unknown>>;
  effect(c: HolderContext): string;
  remedy(c: HolderContext): string;
}

export interface HolderContext {
  readonly address: string;
  readonly before: Body;
  /** The new arguments, or undefined when the resource leaves the configuration. */
  readonly after?: Body;
  readonly action: "replace" | "destroy" | "update";
  /** The arguments that changed (forcing ones for a replacement, the rule's for a stranding). */
  readonly changed: readonly string[];
  /**
   * Addresses to take out of state together with this one to keep it as it is: the resource and the resources
   * that configure it (an S3 bucket's policy, encryption, lifecycle …).
   */
  readonly keepTogether: readonly string[];
}

/**
 * `terraform state rm` of the given addresses, where cdktf runs Terraform for the deploy stack. A `removed` block
 * is no remedy here: the stack is generated, and the next synth would drop a hand-added block.
 */
export const stateRm = (addresses: readonly string[]): string =>
  `\`terraform state rm ${addresses.map((a) => `'${a}'`).join(" ")}\` in <out>/stacks/org-cloudtrail (where cdktf runs Terraform)`;
