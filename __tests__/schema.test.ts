import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import YAML from "yaml";
import { configJsonSchemaText } from "../config/json-schema";
import { ConfigError, parseConfig } from "../config/load";
import { FIELD_RULES, rulesOf } from "../modules/shared/rules/field-rules";
import { starterConfig } from "../cli/init-template";

const ROOT = join(__dirname, "..");
const COMMITTED = readFileSync(join(ROOT, "schema", "orgtrail.schema.json"), "utf8");
const SCHEMA = JSON.parse(COMMITTED) as Record<string, unknown>;
const matchesSchema = new Ajv2020({ strict: true, strictTypes: false }).compile(SCHEMA);

/** Every property name the schema declares, at any depth. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.properties && typeof o.properties === "object") Object.keys(o.properties).forEach((k) => out.add(k));
    Object.values(o).forEach((v) => propertyNames(v, out));
  }
  return out;
}

describe("the JSON Schema of the config", () => {
  test("the committed schema/orgtrail.schema.json is current (regenerate with `npm run schema`)", () => {
    expect(COMMITTED).toBe(configJsonSchemaText());
  });

  test("it is a strict JSON Schema 2020-12 that rejects unknown settings and carries the rules as patterns", () => {
    expect(SCHEMA.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(SCHEMA.additionalProperties).toBe(false);
    const bucket = (SCHEMA as { properties: { logArchive: { properties: { bucketName: { allOf: unknown[] } } } } }).properties.logArchive.properties.bucketName;
    expect(bucket.allOf).toHaveLength(rulesOf("bucketName").length);
  });

  test("on the bad-config corpus it never rejects what orgtrail accepts, and rejects every single-field break", () => {
    const dir = join(__dirname, "fixtures", "bad-configs");
    const ruleMessages = Object.values(FIELD_RULES).flatMap((set) => ("advice" in set ? [] : set.rules.map((r) => `must ${r.must}`)));
    const singleField = (m: string) => ruleMessages.some((r) => m.endsWith(r)) || /^(is required|is not a known setting|was renamed to|was removed|must be (text|a number|true or false|a mapping|one of ))/.test(m);
    let judged = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".yaml"))) {
      let data: unknown;
      try {
        data = YAML.parse(readFileSync(join(dir, file), "utf8"));
      } catch {
        continue; // not YAML at all: nothing for a schema to judge
      }
      let problems: string[] = [];
      try {
        parseConfig(data ?? {});
      } catch (e) {
        problems = (e as ConfigError).problems.map((p) => p.message);
      }
      if (problems.every(singleField)) {
        expect({ file, schemaAccepts: matchesSchema(data ?? {}) }).toEqual({ file, schemaAccepts: false });
        judged++;
      } else if (problems.every((m) => !singleField(m))) {
        // Cross-field rules only: the schema cannot express them and must not reject the config.
        expect({ file, schemaAccepts: matchesSchema(data) }).toEqual({ file, schemaAccepts: true });
        judged++;
      }
    }
    expect(judged).toBeGreaterThanOrEqual(100);
  });

  test("the starter config of `orgtrail init` mentions every setting the schema has", () => {
    const text = starterConfig();
    const missing = [...propertyNames(SCHEMA)].filter((name) => !new RegExp(`^\\s*#?\\s*${name}:`, "m").test(text));
    expect(missing).toEqual([]);
    expect(matchesSchema(YAML.parse(text))).toBe(true);
  });

  test("advice is not in the schema: a warning never makes an editor flag a value", () => {
    const dotted = { organization: { id: "o-exampleorgid", managementAccountId: "111111111111", homeRegion: "us-east-1" }, logArchive: { bucketName: "logs.example.com" }, trail: { name: "org-trail" } };
    expect(rulesOf("bucketNameWithoutPeriods")[0].check(dotted.logArchive.bucketName)).toBe(false);
    expect(matchesSchema(dotted)).toBe(true);
  });
});
