import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareDeployStacks, compareWithPrevious, LogsAtRiskError, type Day2Change } from "../stacks/day2";
import type { TerraformJson } from "../stacks/day2/terraform-json";
import { tempDir } from "./helpers/cli";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A deploy stack shaped like orgtrail's, small enough to read: the archive bucket and what configures it, key, trail, log group. */
const BASE: Resources = {
  aws_s3_bucket: { log_archive: { bucket: "acme-logs" } },
  aws_s3_bucket_policy: { log_archive: { bucket: "${aws_s3_bucket.log_archive.id}", policy: "{}" }, other: { bucket: "${aws_s3_bucket.other.id}" } },
  aws_s3_bucket_versioning: { log_archive: { bucket: "acme-logs" } },
  aws_s3_bucket_lifecycle_configuration: { log_archive: { bucket: "${aws_s3_bucket.log_archive.id}", rule: [{ id: "expire", expiration: { days: 2557 } }] } },
  aws_kms_key: { cloudtrail: { deletion_window_in_days: 7, description: "trail key" } },
  aws_cloudtrail: { organization: { name: "org-trail", s3_bucket_name: "acme-logs", kms_key_id: "${aws_kms_key.cloudtrail.arn}" } },
  aws_cloudwatch_log_group: { cloudtrail: { name: "/aws/cloudtrail/org-trail", retention_in_days: 365 } },
};

/** BASE with `edit` applied to a deep copy: return nothing to keep the edited copy, or a new document. */
function stack(edit: (r: Resources, doc: Record<string, unknown>) => void = () => undefined): TerraformJson {
  const resource = JSON.parse(JSON.stringify(BASE)) as Resources;
  const doc: Record<string, unknown> = { resource };
  edit(resource, doc);
  return doc as TerraformJson;
}

const summary = (changes: Day2Change[]) => changes.map((c) => ({ address: c.address, action: c.action, outcome: c.outcome, arguments: c.arguments }));
const compare = (edit: Parameters<typeof stack>[0], before = stack()) => compareDeployStacks(before, stack(edit));

describe("day-2 comparison of deploy stacks", () => {
  test("the same stack, or changes to resources that hold no logs, give no change", () => {
    expect(compareDeployStacks(stack(), stack())).toEqual([]);
    expect(
      compare((r) => {
        (r.aws_s3_bucket_lifecycle_configuration.log_archive.rule as { expiration: { days: number } }[])[0].expiration.days = 3000;
        r.aws_cloudwatch_log_group.cloudtrail.retention_in_days = 731;
        r.aws_iam_role = { member_reader: { name: "Reader" } };
        delete r.aws_s3_bucket_versioning;
      }),
    ).toEqual([]);
  });

  describe("S3 bucket", () => {
    test("a new name replaces it; the remedy keeps it with every resource that configures it, by reference or by name", () => {
      const [c, ...rest] = compare((r) => (r.aws_s3_bucket.log_archive.bucket = "acme-logs-2"));
      expect(rest).toEqual([]);
      expect(summary([c])).toEqual([{ address: "aws_s3_bucket.log_archive", action: "replace", outcome: "destroyed", arguments: ["bucket"] }]);
      expect(c.subject).toBe('S3 bucket "acme-logs"');
      expect(c.reason).toBe('bucket changes from "acme-logs" to "acme-logs-2", which forces a new resource (a bucket cannot be renamed: a new name is a new bucket)');
      expect(c.effect).toContain("BucketNotEmpty");
      expect(c.remedy).toContain(
        "`terraform state rm 'aws_s3_bucket.log_archive' 'aws_s3_bucket_policy.log_archive' 'aws_s3_bucket_versioning.log_archive' 'aws_s3_bucket_lifecycle_configuration.log_archive'`",
      );
      expect(c.remedy).not.toContain("aws_s3_bucket_policy.other");
    });

    test("force_destroy in the applied stack: the replacement empties the bucket", () => {
      const before = stack((r) => (r.aws_s3_bucket.log_archive.force_destroy = true));
      const [c] = compare((r) => (r.aws_s3_bucket.log_archive.bucket = "acme-logs-2"), before);
      expect(c.effect).toContain("every version of every log file in it");
      expect(c.effect).not.toContain("BucketNotEmpty");
    });

    test("Object Lock turned on replaces it, and the remedy turns it on in place; turned off by leaving it out changes nothing", () => {
      const [on] = compare((r) => (r.aws_s3_bucket.log_archive.object_lock_enabled = true));
      expect(summary([on])).toEqual([{ address: "aws_s3_bucket.log_archive", action: "replace", outcome: "destroyed", arguments: ["object_lock_enabled"] }]);
      expect(on.reason).toMatch(/^object_lock_enabled changes from false to true/);
      expect(on.remedy).toContain("aws_s3_bucket_object_lock_configuration (object_lock_enabled = \"Enabled\")");
      const locked = stack((r) => (r.aws_s3_bucket.log_archive.object_lock_enabled = true));
      // Optional and computed: leaving it out keeps what the bucket has.
      expect(compareDeployStacks(locked, stack())).toEqual([]);
      // Created without it, a bucket has Object Lock off: saying so explicitly is no change.
      expect(compare((r) => (r.aws_s3_bucket.log_archive.object_lock_enabled = false))).toEqual([]);
      expect(summary(compareDeployStacks(locked, stack((r) => (r.aws_s3_bucket.log_archive.object_lock_enabled = false))))).toEqual([
        { address: "aws_s3_bucket.log_archive", action: "replace", outcome: "destroyed", arguments: ["object_lock_enabled"] },
      ]);
    });

    test("a bucket that leaves the configuration is destroyed", () => {
      const [c] = compare((r) => delete r.aws_s3_bucket.log_archive);
      expect(summary([c])).toEqual([{ address: "aws_s3_bucket.log_archive", action: "destroy", outcome: "destroyed", arguments: [] }]);
      expect(c.reason).toBe("aws_s3_bucket.log_archive is no longer in the configuration");
      expect(c.remedy).toContain("terraform state rm 'aws_s3_bucket.log_archive'");
    });
  });

  describe("KMS key", () => {
    test("a created key that disappears is scheduled for deletion after the applied deletion window", () => {
      const [c] = compare((r) => delete r.aws_kms_key);
      expect(summary([c])).toEqual([{ address: "aws_kms_key.cloudtrail", action: "destroy", outcome: "destroyed", arguments: [] }]);
      expect(c.subject).toBe('KMS key "trail key"');
      expect(c.effect).toContain("deletion window: 7 days");
      expect(c.remedy).toContain("terraform state rm 'aws_kms_key.cloudtrail'");
      expect(c.remedy).toContain("aws kms cancel-key-deletion");
    });

    test("without a deletion window the AWS default applies; a key spec or multi-Region change replaces it", () => {
      const before = stack((r) => delete r.aws_kms_key.cloudtrail.deletion_window_in_days);
      expect(compare((r) => delete r.aws_kms_key, before)[0].effect).toContain("deletion window: 30 days, the AWS default");
      expect(summary(compare((r) => (r.aws_kms_key.cloudtrail.multi_region = true)))).toEqual([
        { address: "aws_kms_key.cloudtrail", action: "replace", outcome: "destroyed", arguments: ["multi_region"] },
      ]);
      expect(compare((r) => (r.aws_kms_key.cloudtrail.customer_master_key_spec = "SYMMETRIC_DEFAULT"))).toEqual([]);
      expect(summary(compare((r) => (r.aws_kms_key.cloudtrail.customer_master_key_spec = "RSA_4096"))).map((c) => c.arguments)).toEqual([["customer_master_key_spec"]]);
    });
  });

  describe("trail", () => {
    test("a new name replaces it; removing it destroys it", () => {
      const [renamed] = compare((r) => (r.aws_cloudtrail.organization.name = "org-trail-2"));
      expect(summary([renamed])).toEqual([{ address: "aws_cloudtrail.organization", action: "replace", outcome: "destroyed", arguments: ["name"] }]);
      expect(renamed.effect).toContain("no event of any account in the organization is recorded");
      expect(summary(compare((r) => delete r.aws_cloudtrail))).toEqual([{ address: "aws_cloudtrail.organization", action: "destroy", outcome: "destroyed", arguments: [] }]);
    });

    test("a new key prefix or bucket is an in-place update that strands the history", () => {
      const [prefix] = compare((r) => (r.aws_cloudtrail.organization.s3_key_prefix = "logs"));
      expect(summary([prefix])).toEqual([{ address: "aws_cloudtrail.organization", action: "update", outcome: "stranded", arguments: ["s3_key_prefix"] }]);
      expect(prefix.reason).toBe('s3_key_prefix changes from "" to "logs" (an in-place update)');
      expect(prefix.effect).toContain("new files to s3://acme-logs/logs/AWSLogs/…; every file delivered so far stays under s3://acme-logs/AWSLogs/…");
      // No prefix and an empty prefix are the same place.
      expect(compare((r) => (r.aws_cloudtrail.organization.s3_key_prefix = ""))).toEqual([]);
      expect(summary(compare((r) => (r.aws_cloudtrail.organization.s3_bucket_name = "other-logs"))).map((c) => c.arguments)).toEqual([["s3_bucket_name"]]);
    });

    test("a key switch strands the history with the old key; with a rename, both are told", () => {
      const arn = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
      const [c] = compare((r) => (r.aws_cloudtrail.organization.kms_key_id = arn));
      expect(summary([c])).toEqual([{ address: "aws_cloudtrail.organization", action: "update", outcome: "stranded", arguments: ["kms_key_id"] }]);
      expect(c.reason).toBe(`kms_key_id changes from \`aws_kms_key.cloudtrail.arn\` to "${arn}" (an in-place update)`);
      expect(c.remedy).toContain("Keep the old key (`aws_kms_key.cloudtrail.arn`) enabled");
      const both = compare((r) => Object.assign(r.aws_cloudtrail.organization, { name: "org-trail-2", kms_key_id: arn }));
      expect(summary(both).map((x) => [x.action, x.outcome, x.arguments])).toEqual([
        ["replace", "destroyed", ["name"]],
        ["replace", "stranded", ["kms_key_id"]],
      ]);
    });
  });

  describe("log group", () => {
    test("a new name replaces it with its events; removing it destroys them", () => {
      const [c] = compare((r) => (r.aws_cloudwatch_log_group.cloudtrail.name = "/aws/cloudtrail/other"));
      expect(summary([c])).toEqual([{ address: "aws_cloudwatch_log_group.cloudtrail", action: "replace", outcome: "destroyed", arguments: ["name"] }]);
      expect(c.effect).toContain("deletes the log group and every event in it");
      expect(summary(compare((r) => delete r.aws_cloudwatch_log_group))).toEqual([
        { address: "aws_cloudwatch_log_group.cloudtrail", action: "destroy", outcome: "destroyed", arguments: [] },
      ]);
    });

    test("skip_destroy in the applied stack keeps the old group, whether replaced or removed", () => {
      const before = stack((r) => (r.aws_cloudwatch_log_group.cloudtrail.skip_destroy = true));
      for (const edit of [(r: Resources) => (r.aws_cloudwatch_log_group.cloudtrail.name = "/x"), (r: Resources) => delete r.aws_cloudwatch_log_group]) {
        const [c] = compare(edit, before);
        expect(c.outcome).toBe("kept");
        expect(c.effect).toContain("forgets the old one without deleting it (skip_destroy = true)");
      }
    });

    test("a key switch strands its earlier events with the old key", () => {
      expect(summary(compare((r) => (r.aws_cloudwatch_log_group.cloudtrail.kms_key_id = "arn:aws:kms:us-east-1:111111111111:key/x")))).toEqual([
        { address: "aws_cloudwatch_log_group.cloudtrail", action: "update", outcome: "stranded", arguments: ["kms_key_id"] },
      ]);
    });
  });

  describe("protections read from the documents", () => {
    test("prevent_destroy in the new configuration: Terraform refuses the replacement", () => {
      const [c] = compare((r) => Object.assign(r.aws_s3_bucket.log_archive, { bucket: "acme-logs-2", lifecycle: { prevent_destroy: true } }));
      expect([c.action, c.outcome]).toEqual(["replace", "refused"]);
      expect(c.effect).toContain('terraform plan fails ("Instance cannot be replaced")');
      // Terraform JSON may also write a block as a list of objects.
      expect(compare((r) => Object.assign(r.aws_s3_bucket.log_archive, { bucket: "acme-logs-2", lifecycle: [{ prevent_destroy: true }] }))[0].outcome).toBe("refused");
    });

    test("prevent_destroy does not survive the removal of its own resource block", () => {
      const before = stack((r) => (r.aws_s3_bucket.log_archive.lifecycle = { prevent_destroy: true }));
      expect(compare((r) => delete r.aws_s3_bucket.log_archive, before)[0].outcome).toBe("destroyed");
    });

    test("a removed block with destroy = false keeps what leaves the configuration", () => {
      const [c] = compare((r, doc) => {
        delete r.aws_cloudtrail;
        doc.removed = [{ from: "aws_cloudtrail.organization", lifecycle: { destroy: false } }];
      });
      expect([c.action, c.outcome]).toEqual(["destroy", "kept"]);
      expect(compare((r, doc) => {
        delete r.aws_cloudtrail;
        doc.removed = [{ from: "aws_cloudtrail.organization", lifecycle: { destroy: true } }];
      })[0].outcome).toBe("destroyed");
    });
  });

  describe("addresses read generically", () => {
    test("count: a dropped instance is destroyed unless prevent_destroy guards its block; no key and [0] are the same instance", () => {
      const counted = stack((r) => (r.aws_kms_key.cloudtrail.count = 1));
      expect(compareDeployStacks(stack(), counted)).toEqual([]);
      expect(compareDeployStacks(counted, stack())).toEqual([]);
      const [dropped] = compareDeployStacks(counted, stack((r) => (r.aws_kms_key.cloudtrail.count = 0)));
      expect(summary([dropped])).toEqual([{ address: "aws_kms_key.cloudtrail[0]", action: "destroy", outcome: "destroyed", arguments: [] }]);
      expect(dropped.reason).toBe("aws_kms_key.cloudtrail[0] is no longer an instance of aws_kms_key.cloudtrail (count / for_each)");
      const guarded = stack((r) => Object.assign(r.aws_kms_key.cloudtrail, { count: 0, lifecycle: { prevent_destroy: true } }));
      expect(compareDeployStacks(counted, guarded)[0].outcome).toBe("refused");
    });

    test("for_each: each key is an instance", () => {
      const groups = (keys: string[]) => stack((r) => (r.aws_cloudwatch_log_group.cloudtrail.for_each = Object.fromEntries(keys.map((k) => [k, {}]))));
      expect(summary(compareDeployStacks(groups(["a", "b"]), groups(["a"])))).toEqual([
        { address: 'aws_cloudwatch_log_group.cloudtrail["b"]', action: "destroy", outcome: "destroyed", arguments: [] },
      ]);
    });

    test("count or for_each as an expression: the block stands for all its instances", () => {
      const expr = stack((r) => (r.aws_kms_key.cloudtrail.count = "${var.create_key ? 1 : 0}"));
      expect(compareDeployStacks(expr, expr)).toEqual([]);
      expect(compareDeployStacks(stack(), expr)).toEqual([]);
      expect(summary(compareDeployStacks(expr, stack((r) => delete r.aws_kms_key))).map((c) => c.address)).toEqual(["aws_kms_key.cloudtrail"]);
    });

    test("a renamed resource block is destroyed unless a moved block says where it went", () => {
      const rename = (r: Resources) => {
        r.aws_s3_bucket.archive = r.aws_s3_bucket.log_archive;
        delete r.aws_s3_bucket.log_archive;
      };
      expect(summary(compare(rename)).map((c) => [c.address, c.action])).toEqual([["aws_s3_bucket.log_archive", "destroy"]]);
      expect(
        compare((r, doc) => {
          rename(r);
          doc.moved = [{ from: "aws_s3_bucket.log_archive", to: "aws_s3_bucket.archive" }];
        }),
      ).toEqual([]);
      // Reported at the new address, as the plan prints it.
      const [c] = compare((r, doc) => {
        rename(r);
        r.aws_s3_bucket.archive.bucket = "acme-logs-2";
        doc.moved = [{ from: "aws_s3_bucket.log_archive", to: "aws_s3_bucket.archive" }];
      });
      expect([c.address, c.action]).toEqual(["aws_s3_bucket.archive", "replace"]);
    });
  });

  test("changes that destroy come first", () => {
    const changes = compare((r) => {
      r.aws_cloudtrail.organization.s3_key_prefix = "logs";
      r.aws_cloudwatch_log_group.cloudtrail.name = "/x";
    });
    expect(changes.map((c) => c.outcome)).toEqual(["destroyed", "stranded"]);
  });
});

describe("comparison with the previous output folder", () => {
  const write = (dir: string, text: string) => {
    mkdirSync(join(dir, "stacks", "org-cloudtrail"), { recursive: true });
    writeFileSync(join(dir, "stacks", "org-cloudtrail", "cdk.tf.json"), text);
  };

  test("no previous deploy stack: nothing compared", () => {
    expect(compareWithPrevious(tempDir("day2"), "org-cloudtrail", stack())).toEqual({ changes: [] });
  });

  test("a previous deploy stack is compared; an unreadable one says so, and --fail-on-destroy refuses it", () => {
    const dir = tempDir("day2");
    write(dir, JSON.stringify(stack()));
    const file = join(dir, "stacks", "org-cloudtrail", "cdk.tf.json");
    expect(compareWithPrevious(dir, "org-cloudtrail", stack((r) => delete r.aws_kms_key))).toMatchObject({ comparedWith: file, changes: [{ address: "aws_kms_key.cloudtrail" }] });
    write(dir, "{ not json");
    const unreadable = compareWithPrevious(dir, "org-cloudtrail", stack());
    expect(unreadable).toMatchObject({ comparedWith: file, changes: [] });
    expect(unreadable.unreadable).toContain(file);
    expect(new LogsAtRiskError(unreadable).message).toContain("could not be compared");
  });
});
