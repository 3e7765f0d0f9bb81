import { config } from "../../__tests__/helpers/config";
import { policy, statement, TRAIL_ARN } from "../../__tests__/helpers/documents";
import { policiesOf } from "../../stacks/policy-sizes";

describe("trail key policy", () => {
  const doc = policy(config(), "trail KMS key policy");
  const CONTEXT = { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111111111111:trail/*" };

  test("the key account's root administers the key", () => {
    expect(statement(doc, "KeyAdministration")).toEqual({ Sid: "KeyAdministration", Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" });
  });

  test("CloudTrail encrypts under its encryption context, for this trail only, and may describe the key", () => {
    expect(statement(doc, "CloudTrailEncryptLogs")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN }, StringLike: CONTEXT },
    });
    expect(statement(doc, "CloudTrailDescribeKey")).toMatchObject({ Action: "kms:DescribeKey", Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } } });
  });

  test("members decrypt only through S3 in the home region, inside the organization, under the CloudTrail context", () => {
    expect(statement(doc, "MemberDecryptLogsThroughS3")).toEqual({
      Sid: "MemberDecryptLogsThroughS3",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringEquals: { "aws:PrincipalOrgID": "o-exampleorgid", "kms:ViaService": "s3.us-east-1.amazonaws.com" }, StringLike: CONTEXT },
    });
  });

  test("the trail owner (management account) may decrypt under the CloudTrail context (required with an S3 Bucket Key)", () => {
    expect(statement(doc, "TrailOwnerDecrypt")).toMatchObject({ Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:Decrypt", Condition: { StringLike: CONTEXT } });
  });

  test("with a dedicated log-archive account, that account administers the key and the management account still owns the trail", () => {
    const d = policy(config({ logArchive: { accountId: "222222222222" } }), "trail KMS key policy");
    expect(statement(d, "KeyAdministration").Principal).toEqual({ AWS: "arn:aws:iam::222222222222:root" });
    expect(statement(d, "TrailOwnerDecrypt").Principal).toEqual({ AWS: "arn:aws:iam::111111111111:root" });
    expect(statement(d, "CloudTrailEncryptLogs").Condition!.StringEquals).toEqual({ "aws:SourceArn": TRAIL_ARN });
  });

  test("member decrypt is narrowed like member reads", () => {
    const d = policy(config({ memberAccess: { principalTag: { key: "team", value: "security" } } }), "trail KMS key policy");
    expect(statement(d, "MemberDecryptLogsThroughS3").Condition!.StringEquals).toEqual({
      "aws:PrincipalOrgID": "o-exampleorgid",
      "kms:ViaService": "s3.us-east-1.amazonaws.com",
      "aws:PrincipalTag/team": "security",
    });
  });

  test("no key policy is produced when the key is brought", () => {
    const c = config({ encryption: { kmsKey: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab" } });
    expect(policiesOf(c).map((p) => p.name)).not.toContain("trail KMS key policy");
  });
});
