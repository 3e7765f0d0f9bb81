import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { config, synthTo } from "./helpers/synth";
import { expectedPolicies, planExample, planLogArchiveModule, plannedPolicies, unknownPolicies, vendorModules } from "./helpers/plans";
import { mustTerraform, terraform, workdir, writeOfflineProviders } from "./helpers/terraform";

describe("vendored modules in plain Terraform roots", () => {
  test("examples/two-accounts plans: bucket and key in the log-archive account, trail in management, policies known", () => {
    const c = config({ logArchive: { accountId: "222222222222", keyPrefix: "cloudtrail" } });
    const plan = planExample("two-accounts", c, [undefined, "log_archive"]);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
    const trail = plan.resources.find((r) => r.type === "aws_cloudtrail")!;
    expect(trail.address).toBe("module.organization_trail.aws_cloudtrail.organization");
    expect(trail.values).toMatchObject({ is_organization_trail: true, s3_key_prefix: "cloudtrail", tags: { team: "platform" } });
  });

  test("examples/single-account plans with the defaults", () => {
    const c = config();
    const plan = planExample("single-account", c, [undefined]);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
  });

  test.each([
    ["narrowing by ARN pattern and tag, Object Lock", config({ logArchive: { objectLock: { mode: "COMPLIANCE", retentionDays: 10 } }, memberAccess: { principalArnPattern: "arn:aws:iam::*:role/LogReader", principalTag: { key: "team", value: "security" } } })],
    ["tag only, key prefix, previous key prefixes", config({ logArchive: { keyPrefix: "a/b", previousKeyPrefixes: ["", "old"] }, memberAccess: { principalTag: { key: "team", value: "security" } } })],
    ["member access off, brought key, no access logs", config({ memberAccess: { enabled: false }, logArchive: { accessLogs: { enabled: false } }, encryption: { kmsKey: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" } })],
  ])("the log-archive module with %s plans the same policies as the deploy stack", (_, c) => {
    const plan = planLogArchiveModule(c);
    expect(unknownPolicies(plan)).toEqual([]);
    expect(plannedPolicies(plan)).toEqual(expectedPolicies(c));
    const has = (type: string, name: string) => plan.resources.some((r) => r.address.replace(/\[0\]$/, "") === `module.log_archive.${type}.${name}`);
    expect(has("aws_kms_key", "cloudtrail")).toBe(c.encryption.kmsKey === "create");
    expect(has("aws_s3_bucket", "access_logs")).toBe(c.logArchive.accessLogs.enabled);
    expect(has("aws_s3_bucket_object_lock_configuration", "log_archive")).toBe(c.logArchive.objectLock !== undefined);
  });

  test("the trail module wired to the archive (log_archive = module.log_archive.trail_wiring) fails the plan on a mismatch, naming both values", () => {
    const c = config({ logArchive: { accountId: "222222222222", keyPrefix: "cloudtrail" } });
    const examples = workdir("examples-mismatch", join(__dirname, "..", "examples"));
    vendorModules(synthTo(c), examples);
    const dir = join(examples, "two-accounts");
    const main = readFileSync(join(dir, "main.tf"), "utf8");
    const [archive, trail] = main.split('module "organization_trail" {');
    // The trail module given another trail name and key prefix than the log-archive module, as a copy-paste slip would.
    const mismatched = trail.replace('trail_name    = "org-trail"', 'trail_name    = "org-trail-2"').replace('s3_key_prefix = "cloudtrail"', 's3_key_prefix = "cloudtrail-2"');
    expect(mismatched).not.toBe(trail);
    writeFileSync(join(dir, "main.tf"), `${archive}module "organization_trail" {${mismatched}`);
    writeOfflineProviders(dir, [undefined, "log_archive"]);
    mustTerraform(dir, ["init", "-input=false", "-no-color"]);
    const plan = terraform(dir, ["plan", "-input=false", "-no-color", "-lock=false", "-refresh=false"]);
    const said = plan.stderr.replace(/[\s│]+/g, " ");
    expect(plan.status).toBe(1);
    expect(said).toContain(
      'trail_name "org-trail-2" differs from the log-archive module\'s: its bucket and key policies admit only arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail (aws:SourceArn)',
    );
    expect(said).toContain('s3_key_prefix "cloudtrail-2" differs from the log-archive module\'s "cloudtrail"');
    // Nothing else is reported: the bucket, the account, the region and the key match.
    expect((plan.stderr.match(/Resource precondition failed/g) ?? []).length).toBe(2);
  });
});
