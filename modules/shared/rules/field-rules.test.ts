import { writeFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020";
import { join } from "node:path";
import { KNOWN_REGIONS } from "./aws-values";
import { FIELD_RULES, rulesOf, type AdviceName, type RuleName } from "./field-rules";
import { matches, type Rule } from "./rule";
import { mustTerraform, workdir } from "../../../__tests__/helpers/terraform";

/**
 * A rule is written once and used three ways: the TypeScript check, the Terraform validation condition and the JSON
 * Schema fragment must agree. Each sample of every set of the one table (FIELD_RULES) is judged by every engine
 * (Terraform through one `terraform console` run).
 */
const SAMPLES: Record<RuleName, { good: unknown[]; bad: unknown[] }> = {
  accountId: { good: ["111111111111", "000000000000"], bad: ["11111111111", "1111111111111", "11111111111a", ""] },
  organizationId: { good: ["o-exampleorgid", "o-a1b2c3d4e5", "o-" + "a".repeat(32)], bad: ["o-short", "o-EXAMPLEORGID", "x-exampleorgid", "o-" + "a".repeat(33)] },
  region: { good: ["us-east-1", "eu-central-2", "us-gov-west-1", "ap-southeast-4", "cn-north-1"], bad: ["us-east", "US-EAST-1", "useast1", "us-east-1a"] },
  bucketName: {
    good: ["abc", "example-org-cloudtrail-logs", "logs.example.com", "a".repeat(63)],
    bad: ["ab", "a".repeat(64), "Example", "exAmple", "-abc", "abc-", "a..b", "a.-b", "192.168.1.1", "xn--abc", "sthree-abc", "amzn-s3-demo-x", "abc-s3alias", "abc--ol-s3", "abc.mrap", "abc--x-s3", "abc--table-s3", "a_b"],
  },
  trailName: { good: ["org-trail", "Org.Trail_1", "abc"], bad: ["ab", "-trail", "trail-", "my--trail", "my_.trail", "my-_trail", "10.0.0.1", "a b c", "a".repeat(129)] },
  keyPrefix: { good: ["cloudtrail", "org/cloudtrail", "a"], bad: ["", "/cloudtrail", "cloudtrail/", "a//b", "AWSLogs", "x/AWSLogs/y", "spa ce", "logs*"] },
  previousKeyPrefix: { good: ["", "cloudtrail", "org/cloudtrail"], bad: ["/cloudtrail", "cloudtrail/", "a//b", "AWSLogs", "x/AWSLogs/y", "spa ce", "logs*", "x".repeat(201)] },
  kmsAlias: { good: ["alias/orgtrail-cloudtrail", "alias/a/b_c"], bad: ["orgtrail", "alias/aws/s3", "alias/", "alias/a b"] },
  kmsKeyArn: {
    good: ["arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/mrk-1234"],
    bad: ["arn:aws:kms:us-east-1:111111111111:alias/aws/s3", "1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:s3:::bucket"],
  },
  principalArnPattern: {
    good: ["arn:aws:iam::*:role/LogReader", "arn:aws:iam::*:role/team/*", "arn:aws:sts::*:federated-user/auditor"],
    bad: ["LogReader", "arn:aws:s3:::bucket", "arn:aws:iam::*:role/a b", "arn:aws:sts::*:assumed-role/LogReader/*"],
  },
  exemptPrincipalArn: {
    good: ["arn:aws:iam::222222222222:role/BreakGlass", "arn:aws:iam::222222222222:role/break-glass/*", "arn:aws-cn:iam::222222222222:role/a/b/OrgTrailDeploy", `arn:aws-us-gov:iam::222222222222:role/${"r".repeat(64)}`],
    bad: ["arn:aws:iam::*:role/BreakGlass", "arn:aws:iam::222222222222:role/*", "arn:aws:iam::222222222222:role/Break*", "arn:aws:iam::222222222222:role/*/BreakGlass", "arn:aws:sts::222222222222:assumed-role/B/s", "arn:aws:iam::222222222222:user/admin", `arn:aws:iam::222222222222:role/${"r".repeat(65)}`, "arn:aws:iam::2:role/x", `arn:aws:iam::222222222222:role/${"p/".repeat(290)}x`],
  },
  objectOwnership: { good: ["BucketOwnerEnforced", "BucketOwnerPreferred"], bad: ["ObjectWriter", ""] },
  objectLockMode: { good: ["GOVERNANCE", "COMPLIANCE"], bad: ["governance", "LEGAL_HOLD"] },
  storageClass: { good: ["GLACIER_IR", "DEEP_ARCHIVE"], bad: ["STANDARD", "glacier"] },
  days: { good: [1, 90, 36500], bad: [0, -1, 1.5, 36501] },
  deletionWindowDays: { good: [7, 30], bad: [6, 31, 7.5] },
  partition: { good: ["aws", "aws-cn", "aws-us-gov"], bad: ["aws-iso", "AWS"] },
  tagKey: { good: ["team", "cost-center", "x:aws:y", "awsome"], bad: ["", "a\u00e9", "k".repeat(129), "aws:x", "AWS:x", "Aws:cost"] },
  tagValue: { good: ["", "security", "a b"], bad: ["v".repeat(257), "x;y"] },
  // externalId and roleName were also in the operations table (as externalId and iamRoleName): their samples too.
  externalId: { good: ["ab", "Unique-ID_1234+=,.@:/", "x".repeat(1224), "orgtrail", "a:b/c=d"], bad: ["a", "x".repeat(1225), "has space", "semi;colon", "\u00e9t\u00e9", "a b"] },
  roleName: { good: ["LogReader", "a", "team+x=y,z.w@v_u-t", "r".repeat(64), "org-trail-cloudwatch-logs", "a+=,.@_-"], bad: ["", "r".repeat(65), "role/path", "a b", "r*"] },
  sessionDurationSeconds: { good: [3600, 43200, 7200], bad: [3599, 43201, 3600.5, 0] },
  policyTargetId: {
    good: ["r-ab12", "r-" + "a".repeat(32), "ou-ab12-abcdefgh", "ou-ab12-" + "a".repeat(32), "123456789012"],
    bad: ["r-ab1", "r-AB12", "ou-ab12-abcdefg", "ou-ab12", "o-exampleorgid", "12345678901", "r-ab12x-"],
  },
  logGroupName: { good: ["/aws/cloudtrail/org-trail", "a#b.c_d-e"], bad: ["", "a b", "x".repeat(513)] },
  logRetentionDays: { good: [1, 365, 3653], bad: [0, 2, 366, 3654] },
  snsTopicName: { good: ["org-trail-notifications", "A_b-1"], bad: ["", "a.b", "t".repeat(257)] },
  readWriteType: { good: ["All", "ReadOnly", "WriteOnly"], bad: ["all", "Read"] },
  excludableEventSource: { good: ["kms.amazonaws.com", "rdsdata.amazonaws.com"], bad: ["s3.amazonaws.com"] },
  insightType: { good: ["ApiCallRateInsight", "ApiErrorRateInsight"], bad: ["ApiCallRate"] },
  dataEventPrefix: { good: ["reports/", "a"], bad: ["", "/reports", "a*", "p".repeat(1025)] },
  lambdaFunctionArn: {
    good: ["arn:aws:lambda:us-east-1:444444444444:function:payments", "arn:aws:lambda:us-east-1:444444444444:function:f:$LATEST", "arn:aws-cn:lambda:cn-north-1:444444444444:function:f:prod"],
    bad: ["arn:aws:lambda:us-east-1:444444444444:function:", "arn:aws:s3:::bucket", "payments"],
  },
  iamRoleArn: { good: ["arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", "arn:aws:iam::111111111111:role/path/R"], bad: ["arn:aws:iam::111111111111:user/u", "arn:aws:iam::1:role/r"] },
  sessionName: { good: ["orgtrail", "a@b"], bad: ["a", "a b", "s".repeat(65)] },
  profileName: { good: ["org-management", "a.b_c"], bad: ["", "a b"] },
  logGroupArn: { good: ["arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/org-trail"], bad: ["arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/org-trail:*", "arn:aws:sns:us-east-1:111111111111:t"] },
  snsTopicArn: { good: ["arn:aws:sns:us-east-1:111111111111:org-trail-notifications"], bad: ["arn:aws:sns:us-east-1:111111111111:a.b", "org-trail-notifications"] },
  stateKey: { good: ["orgtrail/org-cloudtrail.tfstate", "a=b/c"], bad: ["", "/abs", "a b"] },
};

/** Samples for the advice rules (warnings): "good" follows the advice. */
const ADVICE_SAMPLES: Record<AdviceName, { good: unknown[]; bad: unknown[] }> = {
  bucketNameWithoutPeriods: { good: ["example-org-cloudtrail-logs", "abc"], bad: ["logs.example.com", "a.b"] },
  knownRegion: { good: [...KNOWN_REGIONS], bad: ["us-east-7", "eu-centrall-1", "us-gov-east-9"] },
};

type Sampled = { set: string; rules: readonly Rule[]; good: unknown[]; bad: unknown[] };
const SAMPLED: Sampled[] = [
  ...Object.entries(SAMPLES).map(([set, s]) => ({ set, rules: rulesOf(set as RuleName), ...s })),
  ...Object.entries(ADVICE_SAMPLES).map(([set, s]) => ({ set: `advice:${set}`, rules: rulesOf(set as AdviceName), ...s })),
];

const hclValue = (v: unknown) => JSON.stringify(v).replace(/\$\{/g, () => "$${");

describe("validation rules agree in TypeScript and Terraform", () => {
  const cases: { rule: string; index: number; condition: Rule["condition"]; value: unknown; ts: boolean }[] = [];
  for (const { set, rules, good, bad } of SAMPLED) {
    for (const value of [...good, ...bad]) {
      rules.forEach((r, index) => cases.push({ rule: set, index, condition: r.condition, value, ts: r.check(value) }));
    }
  }

  let terraformVerdicts: boolean[];
  beforeAll(() => {
    const dir = workdir("rules");
    const conditions = cases.map((c) => `try(${c.condition(hclValue(c.value))}, false)`);
    writeFileSync(join(dir, "main.tf"), `locals {\n  verdicts = [\n${conditions.map((x) => `    ${x},`).join("\n")}\n  ]\n}\n`);
    terraformVerdicts = JSON.parse(mustTerraform(dir, ["console"], "jsonencode(local.verdicts)\n").trim().replace(/^"|"$/g, "").replace(/\\"/g, '"'));
  });

  test("samples cover every rule set and every advice set of the table", () => {
    expect([...Object.keys(SAMPLES), ...Object.keys(ADVICE_SAMPLES)].sort()).toEqual(Object.keys(FIELD_RULES).sort());
    expect(Object.keys(ADVICE_SAMPLES).sort()).toEqual(Object.entries(FIELD_RULES).filter(([, s]) => "advice" in s).map(([n]) => n).sort());
  });

  test("TypeScript accepts every good sample and rejects every bad one", () => {
    for (const { set, rules, good, bad } of SAMPLED) {
      for (const g of good) expect({ set, value: g, ok: rules.every((r) => r.check(g)) }).toEqual({ set, value: g, ok: true });
      for (const b of bad) expect({ set, value: b, ok: rules.every((r) => r.check(b)) }).toEqual({ set, value: b, ok: false });
    }
  });

  test("Terraform reaches the same verdict on every rule and sample", () => {
    expect(terraformVerdicts).toHaveLength(cases.length);
    const disagreements = cases.filter((c, i) => c.ts !== terraformVerdicts[i]).map((c) => `${c.rule}[${c.index}] ${JSON.stringify(c.value)}: ts=${c.ts}`);
    expect(disagreements).toEqual([]);
  });

  test("each rule's JSON Schema fragment (what editors check) reaches the same verdict", () => {
    const ajv = new Ajv2020({ strict: true, strictTypes: false });
    const disagreements: string[] = [];
    for (const { set, rules, good, bad } of SAMPLED) {
      rules.forEach((rule, index) => {
        const validate = ajv.compile(rule.jsonSchema);
        for (const value of [...good, ...bad]) {
          if (validate(value) !== rule.check(value)) disagreements.push(`${set}[${index}] ${JSON.stringify(value)}: ts=${rule.check(value)}`);
        }
      });
    }
    expect(disagreements).toEqual([]);
  });
});

/**
 * Rule mutants a reviewer would seed (issue 13): each must let a bad sample through or refuse a good one, so the
 * samples above, not golden files, catch a loosened rule. Pure TypeScript: no Terraform.
 */
describe("the samples catch loosened rules", () => {
  const caught = (set: RuleName, rules: readonly Rule[]): boolean => {
    const ok = (v: unknown) => rules.every((r) => r.check(v));
    return SAMPLES[set].bad.some(ok) || SAMPLES[set].good.some((g) => !ok(g));
  };
  const replacing = (set: RuleName, index: number, rule: Rule): Rule[] => rulesOf(set).map((r, i) => (i === index ? rule : r));
  const dropping = (set: RuleName, index: number): Rule[] => rulesOf(set).filter((_, i) => i !== index);

  test.each([
    ["a bucket name rule that accepts exAmple", "bucketName", replacing("bucketName", 1, matches("^[a-z0-9][a-zA-Z0-9.-]*[a-z0-9]$", "x"))],
    ["a principal ARN pattern that accepts sts assumed-role sessions", "principalArnPattern", dropping("principalArnPattern", 2)],
    ["an exemption that accepts a wildcard account", "exemptPrincipalArn", replacing("exemptPrincipalArn", 1, matches("^arn:aws(-cn|-us-gov)?:iam::[0-9*]+:role/(([A-Za-z0-9+=,.@_-]+/)+[*]|([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64})$", "x"))],
    ["an exemption that accepts role/* without a path", "exemptPrincipalArn", replacing("exemptPrincipalArn", 1, matches("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/(([A-Za-z0-9+=,.@_-]+/)*[*]|([A-Za-z0-9+=,.@_-]+/)*[A-Za-z0-9+=,.@_-]{1,64})$", "x"))],
    ["an exemption that accepts a wildcard inside a name", "exemptPrincipalArn", replacing("exemptPrincipalArn", 1, matches("^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/*-]+$", "x"))],
  ] as [string, RuleName, Rule[]][])("%s", (_, set, mutated) => {
    expect(caught(set, rulesOf(set))).toBe(false);
    expect(caught(set, mutated)).toBe(true);
  });
});
