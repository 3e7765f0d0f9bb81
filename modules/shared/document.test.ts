import { resolveDocument } from "./document";
import { expr } from "./value";

describe("resolveDocument", () => {
  test("a deferred part cannot be resolved to a literal document", () => {
    expect(() => resolveDocument({ Version: "2012-10-17", Statement: [{ kind: "optional", test: expr("var.x"), value: [] }] })).toThrow(/deferred/);
  });
});
