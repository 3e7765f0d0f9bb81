import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONCEPTS } from "../modules";
import type { CrossFieldRule, ModulePrecondition } from "../modules/shared/rules/cross-field";
import { buildModules } from "../stacks/build-module";

/**
 * Every precondition of every generated module comes from a rule object, and every rule object's precondition is
 * in its module: a rule between settings cannot be enforced by the config check and forgotten by the module, nor
 * written twice. The size preconditions (modules/shared/size-precondition.ts) are the only others.
 */

interface Found {
  readonly module: string;
  readonly address: string;
  readonly condition: string;
  readonly errorMessage: string;
}

const SIZE_MESSAGE = /^The .+ is \$\{.+\} .+, over the AWS limit of \d+ .+\. Shorten the inputs it is built from\.$/s;

const modules = buildModules(mkdtempSync(join(tmpdir(), "orgtrail-preconditions-")));

/** Every precondition of a module's resources, as its main.tf.json has it. */
function preconditionsOf(module: string, mainTf: string): Found[] {
  const resources = (JSON.parse(mainTf).resource ?? {}) as Record<string, Record<string, { lifecycle?: { precondition?: { condition: string; error_message: string }[] } }>>;
  return Object.entries(resources).flatMap(([type, byName]) =>
    Object.entries(byName).flatMap(([name, r]) => (r.lifecycle?.precondition ?? []).map((p) => ({ module, address: `${type}.${name}`, condition: p.condition, errorMessage: p.error_message }))),
  );
}

const found = modules.flatMap((m) => preconditionsOf(m.name, m.files["main.tf.json"]));
const rules = CONCEPTS.flatMap((c): readonly CrossFieldRule[] => c.crossFieldRules ?? []);
const enforced = rules.filter((r): r is CrossFieldRule & { precondition: ModulePrecondition } => r.precondition !== undefined);

/** The condition a rule gives a resource in its module, where every supplied value is the module's variable. */
function moduleCondition(p: ModulePrecondition, address: string): string {
  const condition = p.on[address];
  return `\${${typeof condition === "function" ? condition((variable) => `var.${variable}`) : condition}}`;
}

describe("module preconditions come from the rule objects", () => {
  test("the generated modules carry rule preconditions and size preconditions (the test has something to judge)", () => {
    expect(found.filter((p) => !SIZE_MESSAGE.test(p.errorMessage)).length).toBeGreaterThanOrEqual(enforced.length);
    expect(found.filter((p) => SIZE_MESSAGE.test(p.errorMessage)).length).toBeGreaterThan(0);
  });

  test("each precondition that is not a size check is a rule object's, with the rule's condition for that resource", () => {
    const strays = found
      .filter((p) => !SIZE_MESSAGE.test(p.errorMessage))
      .filter((p) => !enforced.some((r) => r.precondition.module === p.module && r.precondition.errorMessage === p.errorMessage && p.address in r.precondition.on && moduleCondition(r.precondition, p.address) === p.condition))
      .map((p) => `${p.module} ${p.address}: ${p.errorMessage}`);
    expect(strays).toEqual([]);
  });

  test("each rule object's precondition is in its module, on every resource it names, once", () => {
    const missing = enforced.flatMap((r) =>
      Object.keys(r.precondition.on)
        .filter((address) => found.filter((p) => p.module === r.precondition.module && p.address === address && p.errorMessage === r.precondition.errorMessage).length !== 1)
        .map((address) => `${r.precondition.module} ${address}: ${r.rule}`),
    );
    expect(missing).toEqual([]);
  });

  test("a rule names a module that exists, and its error message is its own", () => {
    const names = modules.map((m) => m.name);
    expect(enforced.map((r) => r.precondition.module).filter((m) => !names.includes(m))).toEqual([]);
    const messages = enforced.map((r) => r.precondition.errorMessage);
    expect(messages.filter((m, i) => messages.indexOf(m) !== i)).toEqual([]);
  });
});
