import { ifElse, toTemplate, type Value } from "../shared/value";

/** A value that exists only when `test` holds: the value, undefined, or a Terraform conditional that is null when off. */
export function ifEnabled(test: Value<boolean>, value: string): string | undefined {
  const v = ifElse(test, value, undefined);
  return v === undefined ? undefined : toTemplate(v);
}
