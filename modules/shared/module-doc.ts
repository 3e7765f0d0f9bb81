import type { SizeReport } from "./limits";

/** What a module's README says that cannot be read off its files. */
export interface ModuleDoc {
  readonly title: string;
  readonly purpose: string;
  /** Arguments of the usage snippet. @default the input table's `example` arguments at README_EXAMPLE */
  readonly example?: Record<string, unknown>;
  /** The provider the usage snippet passes, e.g. `aws.log_archive`; none for the default provider. */
  readonly provider?: string;
  /** Policy sizes at the example values. */
  readonly policies?: readonly SizeReport[];
  /** How the sizes grow with the inputs. @default they do not grow with the number of member accounts */
  readonly policyGrowth?: string;
  /** The access contract in plain sentences: who may do what on which prefix. */
  readonly access?: readonly string[];
  readonly notes?: readonly string[];
}
