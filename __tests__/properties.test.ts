import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { ConfigError, parseConfig } from "../config/load";
import { LIMITS, policySize, type LimitKind } from "../modules/shared/limits";
import { unescapeTemplate } from "../modules/shared/hcl";
import { policySizes } from "../stacks/policy-sizes";
import { validConfig } from "./helpers/arbitraries";
import { tree } from "./helpers/cli";
import { readTf, synthTo } from "./helpers/synth";

/**
 * Property tests over random valid configs. Run counts are modest on purpose: synth runs cdktf (about 0.1 s).
 * A failure prints the seed and the shrunk config; rerun with fc's `seed` to reproduce.
 */
const SCHEMA = JSON.parse(readFileSync(join(__dirname, "..", "schema", "orgtrail.schema.json"), "utf8"));
const matchesSchema = new Ajv2020({ strict: true, strictTypes: false, allErrors: true }).compile(SCHEMA);

/** Which AWS limit applies to a policy-bearing attribute of each resource type. */
const POLICY_ATTRIBUTES: Record<string, [string, LimitKind]> = {
  aws_s3_bucket_policy: ["policy", "bucketPolicy"],
  aws_kms_key: ["policy", "keyPolicy"],
  aws_iam_role: ["assume_role_policy", "trustPolicy"],
  aws_iam_policy: ["policy", "managedPolicy"],
  aws_iam_role_policy: ["policy", "inlinePoliciesPerRole"],
  aws_organizations_policy: ["content", "scp"],
};

describe("random valid configs", () => {
  test("are accepted by the config check and by the committed JSON Schema, and every policy fits its AWS limit", () => {
    fc.assert(
      fc.property(validConfig, (input) => {
        const config = parseConfig(input);
        expect({ valid: matchesSchema(input), errors: matchesSchema.errors }).toEqual({ valid: true, errors: null });
        for (const p of policySizes(config)) expect({ name: p.name, fits: p.size <= p.limit }).toEqual({ name: p.name, fits: true });
      }),
      { numRuns: 300 },
    );
  });

  test("synthesize, deterministically, and every policy written stays within its AWS limit", () => {
    let policiesChecked = 0;
    fc.assert(
      fc.property(validConfig, (input) => {
        const config = parseConfig(input);
        const first = synthTo(config);
        const second = synthTo(config);
        expect(tree(second)).toEqual(tree(first));
        const stack = readTf(join(first, "stacks", "org-cloudtrail", "cdk.tf.json"));
        // Object Lock needs versioning: met by construction, whatever else the config says.
        expect(stack.resource.aws_s3_bucket_versioning.log_archive.versioning_configuration).toEqual({ status: "Enabled" });
        // Object Lock is turned on by its configuration resource, never by the bucket's ForceNew object_lock_enabled.
        expect(stack.resource.aws_s3_bucket.log_archive.object_lock_enabled).toBeUndefined();
        expect(stack.resource.aws_s3_bucket_object_lock_configuration?.log_archive?.object_lock_enabled).toBe(config.logArchive.objectLock ? "Enabled" : undefined);
        // What holds logs is never destroyed by a config change, whatever the config.
        expect(stack.resource.aws_s3_bucket.log_archive.lifecycle).toMatchObject({ prevent_destroy: true });
        for (const [type, byName] of Object.entries(stack.resource)) {
          const attribute = POLICY_ATTRIBUTES[type];
          if (!attribute) continue;
          for (const [name, r] of Object.entries(byName)) {
            const text = r[attribute[0]];
            if (typeof text !== "string") continue;
            const size = policySize(JSON.parse(unescapeTemplate(text)), attribute[1]);
            expect({ policy: `${type}.${name}`, fits: size <= LIMITS[attribute[1]].limit }).toEqual({ policy: `${type}.${name}`, fits: true });
            policiesChecked++;
          }
        }
      }),
      { numRuns: 12 },
    );
    expect(policiesChecked).toBeGreaterThanOrEqual(12);
  });
});

describe("random input", () => {
  test("never crashes the config check: any value is either a config or a ConfigError naming problems", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), validConfig.chain((c) => mutate(c))), (input) => {
        try {
          parseConfig(input);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigError);
          expect((e as ConfigError).problems.length).toBeGreaterThan(0);
          for (const p of (e as ConfigError).problems) expect(typeof p.message).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** A valid config with one value, somewhere, replaced by something random. */
function mutate(config: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (v: unknown, path: string[]) => {
    paths.push(path);
    if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(config, []);
  return fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.anything()).map(([path, value]) => {
    const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
    let node = copy;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[path[path.length - 1]] = value;
    return copy;
  });
}
