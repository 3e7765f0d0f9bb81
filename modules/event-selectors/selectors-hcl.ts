import { toHcl } from "../shared/value";
import { partsHcl, type Part } from "./conditional-parts";
import type { FieldSelectorSpec, SelectorSpec } from "./selectors";

/**
 * Selectors as one Terraform expression: a list of `{ name, field_selectors = [{ field, equals?, not_equals?,
 * starts_with? }] }` that the trail renders as dynamic `advanced_event_selector` blocks.
 */
export function selectorsHcl(selectors: readonly Part<SelectorSpec>[]): string {
  return partsHcl(selectors, (s) => `{ name = ${toHcl(s.name)}, field_selectors = ${partsHcl(s.fieldSelectors, fieldSelectorHcl)} }`);
}

function fieldSelectorHcl(f: FieldSelectorSpec): string {
  const attributes = Object.entries({ field: f.field, equals: f.equals, not_equals: f.notEquals, starts_with: f.startsWith }).filter(([, v]) => v !== undefined);
  return `{ ${attributes.map(([k, v]) => `${k} = ${toHcl(v)}`).join(", ")} }`;
}
