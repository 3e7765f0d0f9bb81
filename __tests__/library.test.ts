import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { App, TerraformStack } from "cdktf";
import { LogArchive, OrganizationTrail, OrgtrailPropsError } from "../lib";
import { tempDir } from "./helpers/cli";
import { initValidatePlan, writeOfflineProviders } from "./helpers/terraform";

/** orgtrail as a construct library (`orgtrail/lib`), used the way a cdktf user would. */
const ROOT = resolve(__dirname, "..");
const org = { organizationId: "o-abcdefghij", managementAccountId: "111111111111", homeRegion: "eu-west-1" };

function twoTrails() {
  const stack = new TerraformStack(new App({ outdir: tempDir("lib-app") }), "security");
  for (const id of ["prod", "audit"]) {
    const archive = new LogArchive(stack, `${id}-archive`, { ...org, trailName: `${id}-trail`, bucketName: `acme-${id}-cloudtrail`, kmsAliasName: `alias/${id}-cloudtrail` });
    new OrganizationTrail(stack, `${id}-trail`, { ...org, trailName: `${id}-trail`, bucketName: `acme-${id}-cloudtrail`, kmsKeyArn: archive.kmsKeyArn, dependsOn: archive.readyForTrail });
  }
  return stack.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> };
}

test("two archives and two trails in one stack are two of each, with logical IDs from the construct path", () => {
  const tf = twoTrails();
  const trails = Object.values(tf.resource.aws_cloudtrail);
  expect(trails.map((t) => t.name).sort()).toEqual(["audit-trail", "prod-trail"]);
  expect(Object.keys(tf.resource.aws_cloudtrail)).not.toContain("organization");
  expect(Object.values(tf.resource.aws_kms_key)).toHaveLength(2);
  expect(Object.values(tf.resource.aws_s3_bucket).map((b) => b.bucket).sort()).toEqual(["acme-audit-cloudtrail", "acme-audit-cloudtrail-access-logs", "acme-prod-cloudtrail", "acme-prod-cloudtrail-access-logs"]);
});

test("props break the config's rules: one error naming every bad prop, its value and the rule", () => {
  const stack = new TerraformStack(new App({ outdir: tempDir("lib-bad") }), "bad");
  const make = () => new LogArchive(stack, "archive", { ...org, organizationId: "o-x", trailName: "t", bucketName: "Acme_Bad_Bucket" });
  expect(make).toThrow(OrgtrailPropsError);
  expect(make).toThrow(/LogArchive "archive": 3 invalid props/);
  expect(make).toThrow(/- organizationId: must be an AWS Organizations ID.*\(got "o-x"\)/);
  expect(make).toThrow(/- bucketName: .*lowercase letters.*\(got "Acme_Bad_Bucket"\)/);
  expect(make).toThrow(/- trailName: .*\(got "t"\)/);
});

test("requiring the package synthesizes nothing and writes nothing", () => {
  const cwd = tempDir("lib-import");
  execFileSync(process.execPath, ["-e", `const lib = require(${JSON.stringify(join(ROOT, "dist", "lib", "index.js"))}); if (typeof lib.LogArchive !== "function") process.exit(3);`], { cwd });
  expect(readdirSync(cwd)).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  expect(pkg.main).toBe("dist/lib/index.js");
  expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["@cdktf/provider-aws", "cdktf", "constructs"]);
  for (const peer of Object.keys(pkg.peerDependencies)) expect(pkg.dependencies[peer]).toBeUndefined();
});

/**
 * The packed tarball in a scratch cdktf app (fixtures/scratch-app/main.ts): installed from the npm cache, the peers
 * linked from this repository's node_modules (the versions the ranges are tested at), type-checked with the shipped
 * declarations, synthesized with the user's own resources beside two trails, and planned offline.
 */
test("npm pack, install into a scratch cdktf app, tsc, synth and terraform plan offline", () => {
  const work = tempDir("scratch");
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
  const app = join(work, "app");
  mkdirSync(app);
  const peer = (name: string) => `file:${join(ROOT, "node_modules", name)}`;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "scratch-app", private: true, dependencies: { orgtrail: `file:../${tarball}`, cdktf: peer("cdktf"), constructs: peer("constructs"), "@cdktf/provider-aws": peer("@cdktf/provider-aws") } }),
  );
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--legacy-peer-deps", "--ignore-scripts"], { cwd: app, stdio: "pipe" });
  for (const f of ["main.ts", "tsconfig.json"]) copyFileSync(join(__dirname, "fixtures", "scratch-app", f), join(app, f));
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: app, stdio: "pipe" });
  execFileSync(process.execPath, ["dist/main.js"], { cwd: app, stdio: "pipe" });
  const stackDir = join(app, "cdktf.out", "stacks", "security");
  writeOfflineProviders(stackDir, [undefined]);
  const plan = initValidatePlan(stackDir);
  const byType = (type: string) => plan.resources.filter((r) => r.type === type);
  expect(byType("aws_cloudtrail").map((r) => r.values.name).sort()).toEqual(["audit-trail", "prod-trail"]);
  expect(byType("aws_cloudtrail").find((r) => r.values.name === "audit-trail")!.values.s3_key_prefix).toBe("audit");
  // The user's own resources keep the names orgtrail uses for its deploy stack; nothing merges.
  expect(plan.resources.map((r) => r.address)).toEqual(expect.arrayContaining(["aws_s3_bucket.log_archive", "aws_kms_key.cloudtrail"]));
  expect(byType("aws_kms_key")).toHaveLength(3);
  expect(byType("aws_s3_bucket")).toHaveLength(5);
}, 240_000);
