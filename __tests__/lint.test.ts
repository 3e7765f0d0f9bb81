import fc from "fast-check";
import { policiesOf } from "../stacks/policy-sizes";
import { config } from "./helpers/synth";
import type { PolicyJson } from "./helpers/oracle";
import { lintPolicy } from "./proof/lint";
import { SHAPES } from "./proof/shapes";
import { KITCHEN_SINKS } from "./proof/kitchen-sink";
import type { Config } from "../config/schema";

/** Lints every document a config generates (the synth registry, `policiesOf`); planned documents: proof.test.ts. */
async function lintConfig(c: Config): Promise<string[]> {
  const keyAdministrator = `arn:${c.organization.partition}:iam::${c.logArchive.accountId ?? c.organization.managementAccountId}:root`;
  const problems = await Promise.all(policiesOf(c).map((p) => lintPolicy(p.document as unknown as PolicyJson, p.name, { keyAdministrator })));
  return problems.flat();
}

describe("every generated document passes the lint", () => {
  test.each(SHAPES.map((s) => [s.name, s.config] as const))("%s", async (_, c) => {
    expect(await lintConfig(c)).toEqual([]);
  });

  // Every feature on, in each partition: roles, user policies, delivery, the guardrail SCP with archive protection.
  test.each(KITCHEN_SINKS.map((k) => [k.name, k.config] as const))("%s", async (_, c) => {
    const kinds = new Set(policiesOf(c).map((p) => p.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["bucketPolicy", "inlinePoliciesPerRole", "keyPolicy", "managedPolicy", "rcp", "scp", "snsTopicPolicy", "trustPolicy"]));
    expect(await lintConfig(c)).toEqual([]);
  });

  test("for generated configs (partitions, prefixes, narrowing, accounts)", async () => {
    const account = fc.stringMatching(/^[0-9]{12}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          region: fc.constantFrom("us-east-1", "eu-west-3", "us-gov-west-1", "cn-north-1"),
          management: account,
          logArchive: fc.option(account, { nil: undefined }),
          keyPrefix: fc.option(fc.stringMatching(/^[a-z0-9]{1,12}(\/[a-z0-9]{1,12}){0,2}$/), { nil: undefined }),
          arn: fc.option(fc.constantFrom("arn:aws:iam::*:role/LogReader", "arn:aws:iam::*:role/audit/*"), { nil: undefined }),
          tag: fc.option(fc.record({ key: fc.stringMatching(/^[a-z]{1,10}$/), value: fc.stringMatching(/^[a-z0-9]{0,10}$/) }), { nil: undefined }),
          memberAccess: fc.boolean(),
          createKey: fc.boolean(),
        }),
        async (g) => {
          const partition = g.region.startsWith("cn-") ? "aws-cn" : g.region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
          const c = config({
            organization: { homeRegion: g.region, partition, managementAccountId: g.management },
            logArchive: { accountId: g.logArchive, keyPrefix: g.keyPrefix },
            encryption: { kmsKey: g.createKey ? "create" : `arn:${partition}:kms:${g.region}:${g.management}:key/abc-123` },
            memberAccess: g.memberAccess ? { principalArnPattern: g.arn?.replace("arn:aws:", `arn:${partition}:`), principalTag: g.tag } : { enabled: false },
          });
          expect(await lintConfig(c)).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the lint finds each kind of problem", () => {
  const statement = (over: Record<string, unknown>) => ({
    Sid: "S",
    Effect: "Allow",
    Principal: { AWS: "*" },
    Action: "s3:GetObject",
    Resource: "arn:aws:s3:::b/*",
    Condition: { StringEquals: { "aws:PrincipalOrgID": "o-exampleorgid" } },
    ...over,
  });
  const lint = (statements: Record<string, unknown>[], version: unknown = "2012-10-17") =>
    lintPolicy({ Version: version, Statement: statements }, "doc", { keyAdministrator: "arn:aws:iam::222222222222:root" });

  test("a clean statement has no problem (so each case below fails for its own reason)", async () => {
    expect(await lint([statement({})])).toEqual([]);
  });

  test.each([
    ["Version", [statement({})], "2008-10-17", /Version is "2008-10-17"/],
    ["missing Sid", [statement({ Sid: undefined })], undefined, /no Sid/],
    ["duplicate Sid", [statement({}), statement({})], undefined, /duplicate Sid/],
    ["unknown action", [statement({ Action: "s3:GetObjects" })], undefined, /s3:GetObjects does not exist/],
    ["wildcard matching nothing", [statement({ Action: "s3:Fetch*" })], undefined, /s3:Fetch\* (does not exist|matches no action)/],
    ["unknown operator", [statement({ Condition: { StringEqual: { "aws:PrincipalOrgID": "o-x" } } })], undefined, /operator StringEqual/],
    ["IfExists in an Allow", [statement({ Condition: { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-x" } } })], undefined, /IfExists in an Allow/],
    ["key not sent with the action", [statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-x", "s3:x-amz-acl": "private" } } })], undefined, /s3:x-amz-acl is neither global nor sent with s3:GetObject/],
    ["KMS key on an S3 action", [statement({ Condition: { StringEquals: { "aws:PrincipalOrgID": "o-x", "kms:ViaService": "s3.us-east-1.amazonaws.com" } } })], undefined, /kms:ViaService/],
    ["* principal without an organization condition", [statement({ Condition: undefined })], undefined, /every principal \(\*\) without an organization or account condition/],
    ["s3:* to a member", [statement({ Action: "s3:*" })], undefined, /Allow of s3:\* to someone other than the key administrator/],
    ["kms:* to another account", [statement({ Action: "kms:*", Principal: { AWS: "arn:aws:iam::333333333333:root" }, Condition: undefined })], undefined, /Allow of kms:\*/],
    ["NotAction in an Allow", [statement({ Action: undefined, NotAction: "s3:DeleteObject" })], undefined, /NotAction/],
  ] as const)("%s", async (_, statements, version, problem) => {
    const problems = await lint(statements as unknown as Record<string, unknown>[], version ?? "2012-10-17");
    expect(problems.join("\n")).toMatch(problem);
  });

  test("kms:* to the key administrator, s3:* in a Deny, and keys valid for every expanded action pass", async () => {
    expect(
      await lint([
        { Sid: "Admin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::222222222222:root" }, Action: "kms:*", Resource: "*" },
        { Sid: "Tls", Effect: "Deny", Principal: { AWS: "*" }, Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "Gen", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "kms:GenerateDataKey*", Resource: "*", Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*" } } },
        { Sid: "Tag", Effect: "Allow", Principal: { AWS: "*" }, Action: "s3:ListBucket", Resource: "arn:aws:s3:::b", Condition: { StringEquals: { "aws:PrincipalTag/team": "x", "aws:PrincipalOrgID": "o-x" }, StringLike: { "s3:prefix": "a/*" } } },
      ]),
    ).toEqual([]);
  });
});
