import { readdirSync } from "node:fs";
import { join } from "node:path";
import { config, readTf, synthTo, type TfJson } from "./helpers/synth";

const out = synthTo(config());
const load = (name: string) => {
  const dir = join(out, "modules", name);
  const merged: Record<string, any> = {};
  const tfFiles = readdirSync(dir).filter((f) => f.endsWith(".tf.json"));
  for (const f of tfFiles) Object.assign(merged, readTf(join(dir, f)));
  return { dir, files: readdirSync(dir).sort(), tfFiles: tfFiles.sort(), tf: merged as TfJson };
};

const MODULES = {
  "log-archive": {
    inputs: ["organization_id", "management_account_id", "log_archive_account_id", "trail_name", "trail_home_region", "bucket_name", "s3_key_prefix", "member_read_access"],
    outputs: ["bucket_name", "bucket_arn", "kms_key_arn", "access_log_bucket_name"],
  },
  "organization-trail": { inputs: ["trail_name", "bucket_name", "s3_key_prefix", "kms_key_arn"], outputs: ["trail_arn", "trail_home_region"] },
};

describe.each(Object.entries(MODULES))("vendorable module %s", (name, expected) => {
  const { files, tf } = load(name);

  test("is split like a hand-written module", () => {
    expect(files).toEqual(["README.md", "main.tf.json", "outputs.tf.json", "tests", "variables.tf.json", "versions.tf.json"]);
    expect(readdirSync(join(load(name).dir, "tests")).every((f) => f.endsWith(".tftest.hcl"))).toBe(true);
  });

  test("has no provider block, no backend and no cdktf metadata", () => {
    expect(tf.provider).toBeUndefined();
    expect(tf.terraform.backend).toBeUndefined();
    expect(JSON.stringify(tf)).not.toContain('"//"');
  });

  test("requires a provider version range and a Terraform version", () => {
    expect(tf.terraform).toEqual({ required_version: ">= 1.5", required_providers: { aws: { source: "hashicorp/aws", version: ">= 5.100, < 7.0" } } });
  });

  test("declares at least the documented inputs and outputs", () => {
    expect(Object.keys(tf.variable!)).toEqual(expect.arrayContaining(expected.inputs));
    expect(Object.keys(tf.output!)).toEqual(expect.arrayContaining(expected.outputs));
  });

  test("every variable is snake_case with a type and a description; every string input has validation", () => {
    for (const [v, spec] of Object.entries(tf.variable!)) {
      expect(v).toMatch(/^[a-z][a-z0-9_]*$/);
      expect({ v, type: typeof spec.type, description: typeof spec.description }).toEqual({ v, type: "string", description: "string" });
      if (spec.type === "string" || spec.type === "number") expect({ v, validated: Array.isArray(spec.validation) && spec.validation.length > 0 }).toEqual({ v, validated: true });
      for (const val of spec.validation ?? []) expect(val.error_message).toMatch(/^[a-zA-Z].*\.$/);
    }
  });

  test("every output is described", () => {
    for (const [o, spec] of Object.entries(tf.output!)) expect({ o, described: String(spec.description ?? "").length > 10 }).toEqual({ o, described: true });
  });

  test("reads no AWS data sources (plans run offline and show every policy)", () => {
    expect(Object.keys((tf as Record<string, any>).data ?? {})).toEqual([]);
  });

  test("never emits aws_s3_bucket_acl", () => {
    expect(tf.resource.aws_s3_bucket_acl).toBeUndefined();
  });
});

describe("stable addresses", () => {
  test("each module's resource addresses are pinned", () => {
    const addresses = (name: string) => Object.entries(load(name).tf.resource).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)).sort();
    expect(addresses("organization-trail")).toEqual([
      "aws_cloudtrail.organization",
      "aws_cloudwatch_log_group.cloudtrail",
      "aws_iam_role.cloudtrail_cloudwatch_logs",
      "aws_iam_role_policy.cloudtrail_cloudwatch_logs",
      "aws_sns_topic.cloudtrail_notifications",
      "aws_sns_topic_policy.cloudtrail_notifications",
    ]);
    expect(addresses("log-archive")).toEqual(
      [
        "aws_kms_alias.cloudtrail",
        "aws_kms_key.cloudtrail",
        "aws_s3_bucket.access_logs",
        "aws_s3_bucket.log_archive",
        "aws_s3_bucket_lifecycle_configuration.access_logs",
        "aws_s3_bucket_lifecycle_configuration.log_archive",
        "aws_s3_bucket_logging.log_archive",
        "aws_s3_bucket_object_lock_configuration.log_archive",
        "aws_s3_bucket_ownership_controls.access_logs",
        "aws_s3_bucket_ownership_controls.log_archive",
        "aws_s3_bucket_policy.access_logs",
        "aws_s3_bucket_policy.log_archive",
        "aws_s3_bucket_public_access_block.access_logs",
        "aws_s3_bucket_public_access_block.log_archive",
        "aws_s3_bucket_server_side_encryption_configuration.access_logs",
        "aws_s3_bucket_server_side_encryption_configuration.log_archive",
        "aws_s3_bucket_versioning.access_logs",
        "aws_s3_bucket_versioning.log_archive",
      ].sort(),
    );
  });

  test("the module files do not depend on the config (they are driven by variables)", () => {
    const other = synthTo(config({ organization: { id: "o-otherorg123", managementAccountId: "333333333333" }, logArchive: { bucketName: "other-bucket", keyPrefix: "x" } }));
    for (const m of Object.keys(MODULES)) {
      for (const f of load(m).tfFiles) expect(readTf(join(other, "modules", m, f))).toEqual(readTf(join(out, "modules", m, f)));
    }
  });
});
