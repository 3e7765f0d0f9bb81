import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig, parseConfig } from "../config/load";
import { EXAMPLE_CONFIG } from "../config/example";
import { exampleWith } from "./helpers/synth";

function problems(input: unknown): { path: string; message: string; value?: unknown }[] {
  try {
    parseConfig(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).problems];
  }
  throw new Error("config was accepted");
}

describe("config", () => {
  test("the embedded example gets every default", () => {
    const c = loadConfig();
    expect(c.organization).toEqual({ id: "o-exampleorgid", managementAccountId: "111111111111", homeRegion: "us-east-1", partition: "aws" });
    expect(c.logArchive.accountId).toBeUndefined();
    expect(c.logArchive.objectOwnership).toBe("BucketOwnerEnforced");
    expect(c.logArchive.lifecycle).toEqual({ transitionDays: 90, transitionStorageClass: "GLACIER_IR", expirationDays: 2557, noncurrentVersionExpirationDays: 90, abortIncompleteMultipartUploadDays: 7 });
    expect(c.logArchive.accessLogs).toEqual({ enabled: true, expirationDays: 365 });
    expect(c.encryption).toEqual({ kmsKey: "create", aliasName: "alias/orgtrail-cloudtrail", deletionWindowDays: 30 });
    expect(c.trail).toEqual({ name: "org-trail", multiRegion: true, includeGlobalServiceEvents: true, logFileValidation: true });
    expect(c.memberAccess).toEqual({ enabled: true });
  });

  test("YAML and JSON files load to the same config", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgtrail-cfg-"));
    const yaml = join(dir, "org.yaml");
    const json = join(dir, "org.json");
    writeFileSync(yaml, "organization:\n  id: o-exampleorgid\n  managementAccountId: '111111111111'\n  homeRegion: us-east-1\nlogArchive:\n  bucketName: example-org-cloudtrail-logs\ntrail:\n  name: org-trail\n");
    writeFileSync(json, JSON.stringify(EXAMPLE_CONFIG));
    expect(loadConfig(yaml)).toEqual(loadConfig(json));
  });

  test("every problem is reported at once, each with its path, value and rule", () => {
    const found = problems(
      exampleWith({
        organization: { id: "org-1", managementAccountId: "12345" },
        logArchive: { bucketName: "Bad_Bucket", keyPrefix: "/logs/" },
        trail: { name: "my--trail" },
        encryption: { aliasName: "alias/aws/s3" },
      }),
    );
    const paths = found.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["organization.id", "organization.managementAccountId", "logArchive.bucketName", "logArchive.keyPrefix", "trail.name", "encryption.aliasName"]));
    const id = found.find((p) => p.path === "organization.id")!;
    expect(id.value).toBe("org-1");
    expect(id.message).toMatch(/o- followed by 10 to 32/);
    expect(found.find((p) => p.path === "encryption.aliasName")!.message).toMatch(/alias\/aws\//);
  });

  test("unknown keys are rejected with a suggestion", () => {
    const found = problems({ ...EXAMPLE_CONFIG, trial: { name: "x" } });
    expect(found).toContainEqual(expect.objectContaining({ path: "trial", message: expect.stringMatching(/did you mean trail\?/) }));
  });

  test("missing required settings are named", () => {
    const found = problems({ organization: { id: "o-exampleorgid" } });
    expect(found.map((p) => `${p.path}: ${p.message}`)).toEqual(
      expect.arrayContaining(["organization.managementAccountId: is required", "organization.homeRegion: is required", "logArchive: is required", "trail: is required"]),
    );
  });

  test.each([
    ["expiration not after transition", { logArchive: { lifecycle: { transitionDays: 90, expirationDays: 90 } } }, "logArchive.lifecycle.expirationDays"],
    ["IA transition before 30 days", { logArchive: { lifecycle: { transitionDays: 10, transitionStorageClass: "STANDARD_IA" } } }, "logArchive.lifecycle.transitionDays"],
    ["expiration shorter than Object Lock retention", { logArchive: { objectLock: { retentionDays: 3000 } } }, "logArchive.lifecycle.expirationDays"],
    ["partition that does not fit the region", { organization: { homeRegion: "us-gov-west-1" } }, "organization.partition"],
    ["brought key in another region", { encryption: { kmsKey: "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" } }, "encryption.kmsKey"],
    ["access-log bucket name equal to the archive's", { logArchive: { accessLogs: { bucketName: "example-org-cloudtrail-logs" } } }, "logArchive.accessLogs.bucketName"],
    ["default access-log bucket name too long", { logArchive: { bucketName: "a".repeat(55) } }, "logArchive.accessLogs.bucketName"],
    ["narrowing with member access off", { memberAccess: { enabled: false, principalArnPattern: "arn:aws:iam::*:role/LogReader" } }, "memberAccess.enabled"],
  ])("cross-field rule: %s", (_, overrides, path) => {
    expect(problems(exampleWith(overrides as never)).map((p) => p.path)).toContain(path);
  });

  test("a file that is not valid YAML is a config error naming the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgtrail-cfg-"));
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "organization: [unclosed\n");
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    expect(() => loadConfig(bad)).toThrow(/bad\.yaml.*not valid YAML/s);
  });
});
