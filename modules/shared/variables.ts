import { TerraformStack, TerraformVariable, type TerraformVariableValidationConfig } from "./facade";
import type { Config } from "../../config/schema";
import { rulesOf, type RuleName } from "./rules/field-rules";
import type { Rule } from "./rules/rule";
import { expr, reference, toTemplate, type Expr } from "./value";

/**
 * One row of a module's input table, written once: the module variable (snake_case name, type, description,
 * default, the shared validation rules) and the config setting it stands for. The module declares it as a variable;
 * the tests pass `argumentsOf(config)` to the module; the README's usage snippet shows `exampleOf(example config)`.
 */
export interface VariableSpec {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  /** `null` makes the variable optional with a null default. Omitted: required. */
  readonly default?: unknown;
  readonly rules?: RuleName | readonly Rule[];
  /** For `map(string)` / `list(string)`: rules that each element must meet. */
  readonly elementRules?: RuleName;
  /** The config setting it stands for, as a path (`logArchive.bucketName`); its value is the module argument. */
  readonly config?: string;
  /** The module argument equivalent to a config, where it is derived rather than read at `config`. */
  readonly fromConfig?: (c: Config) => unknown;
  /** Shown in the README's usage snippet: `true` for the example's argument, a function of the example, or the value to show. */
  readonly example?: true | ((c: Config) => unknown) | string;
}

const valueAt = (c: Config, path: string): unknown =>
  path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), c);

/** The module argument equivalent to a config; undefined when the config does not set it (the default applies). */
export function argumentOf(spec: VariableSpec, c: Config): unknown {
  if (spec.fromConfig) return spec.fromConfig(c);
  return spec.config === undefined ? undefined : valueAt(c, spec.config);
}

/** The module arguments equivalent to a config: what a plain-Terraform root passes to get the deploy stack's resources. */
export function argumentsOf(specs: readonly VariableSpec[], c: Config): Record<string, unknown> {
  return Object.fromEntries(specs.flatMap((s) => {
    const value = argumentOf(s, c);
    return value === undefined ? [] : [[s.name, value]];
  }));
}

/** The README usage snippet's arguments, at the example config. */
export function exampleOf(specs: readonly VariableSpec[], c: Config): Record<string, unknown> {
  return Object.fromEntries(
    specs.flatMap((s) => (s.example === undefined ? [] : [[s.name, s.example === true ? argumentOf(s, c) : typeof s.example === "function" ? s.example(c) : s.example]])),
  );
}

/** Module variables declared from specs; `nulls` lists those whose default is null (cdktf cannot emit it). */
export class ModuleVariables {
  readonly nulls: string[] = [];
  private readonly vars = new Map<string, TerraformVariable>();

  constructor(
    private readonly stack: TerraformStack,
    specs: readonly VariableSpec[],
  ) {
    for (const spec of specs) this.declare(spec);
  }

  /** `${var.name}`: a reference usable in any string, including policies. */
  s(name: string): string {
    return toTemplate(this.expr(name));
  }

  /** The expression `var.name`, for values that Terraform decides (tests, lists, maps). */
  expr(name: string): Expr {
    this.get(name);
    return reference(`var.${name}`);
  }

  /** A number-typed reference for typed construct props. */
  n(name: string): number {
    return this.get(name).numberValue;
  }

  private get(name: string): TerraformVariable {
    const v = this.vars.get(name);
    if (!v) throw new Error(`module variable ${name} is not declared`);
    return v;
  }

  private declare(spec: VariableSpec): void {
    const optional = spec.default === null;
    if (optional) this.nulls.push(spec.name);
    const variable = new TerraformVariable(this.stack, `var-${spec.name}`, {
      type: spec.type,
      description: spec.description,
      default: optional ? undefined : spec.default,
      nullable: optional ? true : false,
      validation: (() => {
        const v = validations(spec, optional);
        return v.length ? v : undefined;
      })(),
    });
    variable.overrideLogicalId(spec.name);
    this.vars.set(spec.name, variable);
  }
}

/** One validation block per rule, so Terraform reports each broken rule on its own, as the config check does. */
export function validations(spec: VariableSpec, optional: boolean): TerraformVariableValidationConfig[] {
  const ref = `var.${spec.name}`;
  const out: TerraformVariableValidationConfig[] = [];
  const rules = typeof spec.rules === "string" ? rulesOf(spec.rules) : spec.rules ?? [];
  for (const rule of rules) {
    // try(): a null or ill-typed value must fail the rule, not crash the evaluation.
    const cond = `try(${rule.condition(ref)}, false)`;
    out.push({ condition: toTemplate(expr(optional ? `${ref} == null || ${cond}` : cond)), errorMessage: `${spec.name} must ${rule.must}.` });
  }
  if (spec.elementRules) {
    for (const rule of rulesOf(spec.elementRules)) {
      const all = `alltrue([for x in ${spec.type.startsWith("map") ? `values(${ref})` : ref} : try(${rule.condition("x")}, false)])`;
      out.push({ condition: toTemplate(expr(optional ? `${ref} == null || ${all}` : all)), errorMessage: `Every element of ${spec.name} must ${rule.must}.` });
    }
  }
  return out;
}

/** An object without its undefined fields (README snippets show what is set). */
export const setOnly = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
