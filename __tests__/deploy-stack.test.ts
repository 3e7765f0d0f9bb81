import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unescapeTemplate } from "../modules/shared/hcl";
import { policiesOf } from "../stacks/policy-sizes";
import { config, deployStack, synthTo, type TfJson } from "./helpers/synth";

const BROUGHT_KEY = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const res = (tf: TfJson, type: string, name: string) => {
  const r = tf.resource[type]?.[name];
  if (!r) throw new Error(`no ${type}.${name}; have ${Object.keys(tf.resource).join(", ")}`);
  return r as Record<string, any>;
};
const policyOf = (r: Record<string, unknown>) => JSON.parse(unescapeTemplate(r.policy as string));

describe("deploy stack, example organization", () => {
  const c = config();
  const tf = deployStack(c);

  test("one provider for the management account, in the home region, pinned to its account", () => {
    expect(tf.provider!.aws).toEqual([{ region: "us-east-1", allowed_account_ids: ["111111111111"] }]);
  });

  test("a local backend with a relative path, and the supported provider range instead of cdktf's exact pin", () => {
    expect(tf.terraform.backend).toEqual({ local: { path: "terraform.org-cloudtrail.tfstate" } });
    expect(tf.terraform.required_providers).toEqual({ aws: { source: "hashicorp/aws", version: ">= 5.100, < 7.0" } });
  });

  test("the bucket: ownership enforced, every public access block on, versioning, SSE-KMS with the trail key and a Bucket Key", () => {
    expect(res(tf, "aws_s3_bucket", "log_archive").bucket).toBe("example-org-cloudtrail-logs");
    expect(res(tf, "aws_s3_bucket_ownership_controls", "log_archive").rule).toEqual({ object_ownership: "BucketOwnerEnforced" });
    const pab = res(tf, "aws_s3_bucket_public_access_block", "log_archive");
    expect([pab.block_public_acls, pab.block_public_policy, pab.ignore_public_acls, pab.restrict_public_buckets]).toEqual([true, true, true, true]);
    expect(res(tf, "aws_s3_bucket_versioning", "log_archive").versioning_configuration).toEqual({ status: "Enabled" });
    expect(res(tf, "aws_s3_bucket_server_side_encryption_configuration", "log_archive").rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.cloudtrail.arn}" }, bucket_key_enabled: true },
    ]);
  });

  test("lifecycle: transition, expiration, noncurrent expiration and aborted uploads, after versioning", () => {
    const lc = res(tf, "aws_s3_bucket_lifecycle_configuration", "log_archive");
    expect(lc.rule).toEqual([
      {
        id: "orgtrail-retention",
        status: "Enabled",
        filter: [{ prefix: "" }],
        transition: [{ days: 90, storage_class: "GLACIER_IR" }],
        expiration: [{ days: 2557 }],
        noncurrent_version_expiration: [{ noncurrent_days: 90 }],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
      },
    ]);
    expect(lc.depends_on).toEqual(["aws_s3_bucket_versioning.log_archive"]);
  });

  test("never an aws_s3_bucket_acl (fails on buckets with ACLs disabled) and no Object Lock unless asked", () => {
    expect(tf.resource.aws_s3_bucket_acl).toBeUndefined();
    expect(tf.resource.aws_s3_bucket_object_lock_configuration).toBeUndefined();
    expect(res(tf, "aws_s3_bucket", "log_archive").object_lock_enabled).toBeUndefined();
  });

  test("the key: rotation, deletion window, alias, and the policy the builders produce", () => {
    const key = res(tf, "aws_kms_key", "cloudtrail");
    expect(key.enable_key_rotation).toBe(true);
    expect(key.deletion_window_in_days).toBe(30);
    expect(res(tf, "aws_kms_alias", "cloudtrail")).toEqual({ name: "alias/orgtrail-cloudtrail", target_key_id: "${aws_kms_key.cloudtrail.key_id}" });
    expect(policyOf(key)).toEqual(policiesOf(c).find((p) => p.name === "trail KMS key policy")!.document);
  });

  test("the synthesized bucket policies are exactly the builders' documents", () => {
    expect(policyOf(res(tf, "aws_s3_bucket_policy", "log_archive"))).toEqual(policiesOf(c).find((p) => p.name === "log archive bucket policy")!.document);
    expect(policyOf(res(tf, "aws_s3_bucket_policy", "access_logs"))).toEqual(policiesOf(c).find((p) => p.name === "access-log bucket policy")!.document);
  });

  test("IAM policy variables reach Terraform escaped, so AWS receives ${aws:PrincipalAccount} verbatim", () => {
    const text = res(tf, "aws_s3_bucket_policy", "log_archive").policy as string;
    expect(text).toContain("/$${aws:PrincipalAccount}/*");
    expect(text.replace(/\$\$\{/g, "")).not.toContain("${");
  });

  test("the policy waits for the public access block and ownership controls", () => {
    expect(res(tf, "aws_s3_bucket_policy", "log_archive").depends_on).toEqual(["aws_s3_bucket_public_access_block.log_archive", "aws_s3_bucket_ownership_controls.log_archive"]);
  });

  test("access logs: a separate hardened bucket with SSE-S3, and logging that waits for its policy", () => {
    expect(res(tf, "aws_s3_bucket", "access_logs").bucket).toBe("example-org-cloudtrail-logs-access-logs");
    expect(res(tf, "aws_s3_bucket_server_side_encryption_configuration", "access_logs").rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(res(tf, "aws_s3_bucket_public_access_block", "access_logs").block_public_policy).toBe(true);
    expect(res(tf, "aws_s3_bucket_versioning", "access_logs").versioning_configuration).toEqual({ status: "Enabled" });
    expect(res(tf, "aws_s3_bucket_lifecycle_configuration", "access_logs").rule[0].expiration).toEqual([{ days: 365 }]);
    const logging = res(tf, "aws_s3_bucket_logging", "log_archive");
    expect(logging).toMatchObject({ bucket: "${aws_s3_bucket.log_archive.id}", target_bucket: "${aws_s3_bucket.access_logs.id}", target_prefix: "example-org-cloudtrail-logs/" });
    expect(logging.depends_on).toEqual(["aws_s3_bucket_policy.access_logs"]);
  });

  test("the organization trail: every region, global events, validation, the key, after the bucket and key policies", () => {
    const trail = res(tf, "aws_cloudtrail", "organization");
    expect(trail).toMatchObject({
      name: "org-trail",
      s3_bucket_name: "example-org-cloudtrail-logs",
      kms_key_id: "${aws_kms_key.cloudtrail.arn}",
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
    });
    expect(trail.s3_key_prefix).toBeUndefined();
    expect(trail.depends_on).toEqual(["aws_s3_bucket_policy.log_archive", "aws_kms_key.cloudtrail"]);
  });

  test("outputs are described", () => {
    for (const [name, o] of Object.entries(tf.output!)) expect({ name, described: typeof o.description === "string" && o.description.length > 10 }).toEqual({ name, described: true });
    expect(tf.output!.trail_arn.value).toBe("arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail");
  });
});

describe("deploy stack: nothing that holds logs is destroyed by a config change", () => {
  const protectedOf = (tf: TfJson) =>
    Object.entries(tf.resource)
      .flatMap(([type, byName]) => Object.entries(byName).map(([name, r]) => [`${type}.${name}`, (r as Record<string, any>).lifecycle?.prevent_destroy] as const))
      .filter(([, p]) => p !== undefined);

  test("prevent_destroy on the archive bucket, the access-log bucket and the created key, and on nothing else", () => {
    expect(protectedOf(deployStack(config())).sort()).toEqual([
      ["aws_kms_key.cloudtrail", true],
      ["aws_s3_bucket.access_logs", true],
      ["aws_s3_bucket.log_archive", true],
    ]);
  });

  test("no removed block while the key is created and access logs are on", () => {
    const tf = deployStack(config());
    expect(tf.removed).toBeUndefined();
    expect(tf.terraform.required_version).toBe(">= 1.5");
  });

  test("a brought key: the key orgtrail may have created before (and its alias) is forgotten, never destroyed (Terraform >= 1.7)", () => {
    const tf = deployStack(config({ encryption: { kmsKey: BROUGHT_KEY } }));
    expect(tf.removed).toEqual([
      { from: "aws_kms_key.cloudtrail", lifecycle: { destroy: false } },
      { from: "aws_kms_alias.cloudtrail", lifecycle: { destroy: false } },
    ]);
    expect(tf.terraform.required_version).toBe(">= 1.7");
  });

  test("access logs off: the access-log bucket and what configures it are forgotten, never destroyed", () => {
    const tf = deployStack(config({ logArchive: { accessLogs: { enabled: false } } }));
    expect((tf.removed as { from: string }[]).map((r) => r.from)).toEqual([
      "aws_s3_bucket.access_logs",
      "aws_s3_bucket_ownership_controls.access_logs",
      "aws_s3_bucket_public_access_block.access_logs",
      "aws_s3_bucket_versioning.access_logs",
      "aws_s3_bucket_server_side_encryption_configuration.access_logs",
      "aws_s3_bucket_lifecycle_configuration.access_logs",
      "aws_s3_bucket_policy.access_logs",
    ]);
  });

  test("S3-native locking already needs Terraform 1.10: a removed block does not lower it", () => {
    const tf = deployStack(config({ encryption: { kmsKey: BROUGHT_KEY }, deployment: { backend: { type: "s3", bucket: "example-tf-state" } } }));
    expect(tf.terraform.required_version).toBe(">= 1.10");
  });
});

describe("deploy stack, other shapes", () => {
  test("a dedicated log-archive account gets an aliased provider for the bucket and key; the trail stays in management", () => {
    const tf = deployStack(config({ logArchive: { accountId: "222222222222" } }));
    expect(tf.provider!.aws).toEqual([
      { region: "us-east-1", allowed_account_ids: ["111111111111"] },
      { alias: "log_archive", region: "us-east-1", allowed_account_ids: ["222222222222"] },
    ]);
    for (const [type, byName] of Object.entries(tf.resource)) {
      for (const [name, r] of Object.entries(byName)) {
        const expected = type === "aws_cloudtrail" ? undefined : "aws.log_archive";
        expect({ address: `${type}.${name}`, provider: r.provider }).toEqual({ address: `${type}.${name}`, provider: expected });
      }
    }
  });

  test("a key prefix reaches the trail and the member prefix output", () => {
    const tf = deployStack(config({ logArchive: { keyPrefix: "org/cloudtrail" } }));
    expect(res(tf, "aws_cloudtrail", "organization").s3_key_prefix).toBe("org/cloudtrail");
    expect(tf.output!.member_log_prefix.value).toBe("org/cloudtrail/AWSLogs/o-exampleorgid/<account-id>/");
  });

  test("a brought key: no key, no alias, the trail and the bucket use the given ARN and the trail waits for the bucket policy only", () => {
    const tf = deployStack(config({ encryption: { kmsKey: BROUGHT_KEY } }));
    expect(tf.resource.aws_kms_key).toBeUndefined();
    expect(tf.resource.aws_kms_alias).toBeUndefined();
    expect(res(tf, "aws_cloudtrail", "organization").kms_key_id).toBe(BROUGHT_KEY);
    expect(res(tf, "aws_s3_bucket_server_side_encryption_configuration", "log_archive").rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe(BROUGHT_KEY);
    expect(res(tf, "aws_cloudtrail", "organization").depends_on).toEqual(["aws_s3_bucket_policy.log_archive"]);
  });

  test("Object Lock: enabled in place on the versioned bucket (no new bucket), default retention, configured after versioning", () => {
    const tf = deployStack(config({ logArchive: { objectLock: { mode: "COMPLIANCE", retentionDays: 365 } } }));
    // The bucket's object_lock_enabled forces a new bucket: the configuration resource turns Object Lock on instead.
    expect(res(tf, "aws_s3_bucket", "log_archive").object_lock_enabled).toBeUndefined();
    const lock = res(tf, "aws_s3_bucket_object_lock_configuration", "log_archive");
    expect(lock.object_lock_enabled).toBe("Enabled");
    expect(lock.rule).toEqual({ default_retention: { mode: "COMPLIANCE", days: 365 } });
    expect(lock.depends_on).toEqual(["aws_s3_bucket_versioning.log_archive"]);
  });

  test("access logs off: no access-log bucket and no logging", () => {
    const tf = deployStack(config({ logArchive: { accessLogs: { enabled: false } } }));
    expect(Object.keys(tf.resource.aws_s3_bucket)).toEqual(["log_archive"]);
    expect(tf.resource.aws_s3_bucket_logging).toBeUndefined();
  });

  test("BucketOwnerPreferred is selectable", () => {
    const tf = deployStack(config({ logArchive: { objectOwnership: "BucketOwnerPreferred" } }));
    expect(res(tf, "aws_s3_bucket_ownership_controls", "log_archive").rule).toEqual({ object_ownership: "BucketOwnerPreferred" });
  });

  test("tags become provider default tags", () => {
    const tf = deployStack(config({ tags: { team: "platform" } }));
    expect(tf.provider!.aws[0].default_tags).toEqual([{ tags: { team: "platform" } }]);
  });

  test("trail settings are honoured", () => {
    const tf = deployStack(config({ trail: { multiRegion: false, includeGlobalServiceEvents: false, logFileValidation: false } }));
    expect(res(tf, "aws_cloudtrail", "organization")).toMatchObject({ is_multi_region_trail: false, include_global_service_events: false, enable_log_file_validation: false });
  });
});

describe("synth output", () => {
  test("is deterministic: two runs on one config give byte-identical files", () => {
    const c = config({ logArchive: { accountId: "222222222222", keyPrefix: "ct" } });
    const a = synthTo(c);
    const b = synthTo(c);
    const files = ["stacks/org-cloudtrail/cdk.tf.json", "modules/log-archive/main.tf.json", "modules/log-archive/variables.tf.json", "modules/organization-trail/main.tf.json"];
    for (const f of files) expect(readFileSync(join(a, f), "utf8")).toBe(readFileSync(join(b, f), "utf8"));
  });
});
