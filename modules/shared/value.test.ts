import {
  and,
  coalesce,
  eq,
  expr,
  fromTemplate,
  ifElse,
  interpolation,
  isEmpty,
  isExpr,
  isNull,
  literal,
  mapList,
  ne,
  not,
  notNull,
  quoteTemplate,
  reference,
  toHcl,
  toTemplate,
} from "./value";

const x = reference("var.x");
const y = reference("var.y");

describe("operations fold literals and build HCL otherwise", () => {
  test.each([
    ["not", not(true), false],
    ["and", and(true, true), true],
    ["and with false", and(x, false), false],
    ["and drops true", and(true, x), x],
    ["eq", eq("aws", "aws"), true],
    ["ne", ne("aws", "aws-cn"), true],
    ["isNull", isNull(undefined), true],
    ["notNull", notNull("a"), true],
    ["isEmpty", isEmpty([]), true],
    ["ifElse", ifElse(false, "a", "b"), "b"],
    ["coalesce skips null and empty", coalesce(null, "", "c"), "c"],
  ] as const)("%s", (_, value, expected) => expect(value).toEqual(expected));

  test.each([
    ["not", not(x), "!(var.x)"],
    ["and", and(x, not(y), eq(y, "All")), 'var.x && !(var.y) && var.y == "All"'],
    ["a conditional operand is parenthesized", and(x, expr("a ? b : c")), "var.x && (a ? b : c)"],
    ["eq", eq(x, "aws-cn"), 'var.x == "aws-cn"'],
    ["ne of template text", ne(reference("each.value"), "${var.account}"), "each.value != var.account"],
    ["isNull", isNull(x), "var.x == null"],
    ["isEmpty", isEmpty(x), "length(var.x) == 0"],
    ["ifElse", ifElse(isNull(x), "", "${var.x}/"), 'var.x == null ? "" : "${var.x}/"'],
    ["ifElse with null", ifElse(x, "arn:${var.p}:logs", null), 'var.x ? "arn:${var.p}:logs" : null'],
    ["coalesce", coalesce(x, "${var.b}-logs"), 'coalesce(var.x, "${var.b}-logs")'],
  ])("%s", (_, value, hcl) => {
    expect(isExpr(value)).toBe(true);
    expect(toHcl(value)).toBe(hcl);
  });

  test("template text is decided by Terraform, so it does not fold", () => {
    expect(toHcl(eq("${var.partition}", "aws-cn"))).toBe('var.partition == "aws-cn"');
    expect(toHcl(coalesce("${var.a}", "b"))).toBe('coalesce(var.a, "b")');
  });

  test("mapList maps a literal list here and writes a for expression otherwise", () => {
    const build = (o: { name: string }) => `arn:${o.name}`;
    expect(mapList([{ name: "a" }, { name: "b" }], "o", () => ({ name: "" }), build)).toEqual(["arn:a", "arn:b"]);
    expect(toHcl(mapList(x, "o", (o) => ({ name: toTemplate(reference(`${o.hcl}.name`)) }), build))).toBe('[for o in var.x : "arn:${o.name}"]');
  });

  test("literal() refuses an expression", () => {
    expect(literal(true, "t")).toBe(true);
    expect(() => literal(x, "the test")).toThrow(/the test is deferred to Terraform \(var\.x\)/);
  });
});

describe("conversions between template text and bare expressions", () => {
  test.each([
    ["${var.x}", "var.x"],
    ['${coalesce(var.a, "${var.b}-logs")}', 'coalesce(var.a, "${var.b}-logs")'],
    ['${jsonencode({ "k" = "$${aws:PrincipalAccount}", "q" = "a\\"}" })}', 'jsonencode({ "k" = "$${aws:PrincipalAccount}", "q" = "a\\"}" })'],
    ["${var.a}-${var.b}", undefined],
    ["$${literal}", undefined],
    ["arn:${var.p}", undefined],
    ['{"Version":"2012-10-17"}', undefined],
  ])("interpolation(%s)", (text, inner) => expect(interpolation(text)).toBe(inner));

  test("toTemplate and fromTemplate are inverses", () => {
    expect(toTemplate(x)).toBe("${var.x}");
    expect(fromTemplate("${var.x}")).toEqual(x);
    expect(fromTemplate("plain")).toBe("plain");
    expect(fromTemplate("arn:${var.p}")).toBe("arn:${var.p}");
    expect(toTemplate(true)).toBe(true);
  });

  test("toHcl writes literals as JSON and template text as a template", () => {
    expect(toHcl(["r-ab12", "ou-ab12-abcd1234"])).toBe('["r-ab12","ou-ab12-abcd1234"]');
    expect(toHcl({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(toHcl(null)).toBe("null");
    expect(toHcl("${each.key}")).toBe("each.key");
    expect(toHcl('say "${var.x}"\n')).toBe('"say \\"${var.x}\\"\\n"');
  });

  test("quoteTemplate keeps escapes and interpolations verbatim", () => {
    expect(quoteTemplate('$${aws:PrincipalAccount} %%{x} ${f("a")}')).toBe('"$${aws:PrincipalAccount} %%{x} ${f("a")}"');
  });
});
