import { isDeferred, type Test } from "../shared/document";

/**
 * A value that exists only when `test` holds: the value, undefined, or (deferred) a Terraform conditional that is
 * null when off. `value` is Terraform template text and must not contain a double quote.
 */
export function ifEnabled(test: Test, value: string): string | undefined {
  if (!isDeferred(test)) return test ? value : undefined;
  if (value.includes('"')) throw new Error(`ifEnabled: ${value} must not contain a double quote`);
  return `\${${test.deferred} ? "${value}" : null}`;
}
