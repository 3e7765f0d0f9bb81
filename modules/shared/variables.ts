import { TerraformStack, TerraformVariable, type TerraformVariableValidationConfig } from "./facade";
import { rulesOf } from "./rules/field-rules";
import { expr, reference, toTemplate, type Expr, type Value } from "./value";
import type { Inputs, VariableSpec } from "./inputs";

// The input table's types and readers are pure (no cdktf): policies read them too. Re-exported for module builders.
export * from "./inputs";

/** Module variables declared from specs; `nulls` lists those whose default is null (cdktf cannot emit it). */
export class ModuleVariables implements Inputs {
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

  value<T = unknown>(name: string): Value<T> {
    return this.expr(name);
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
