import { policiesOf } from "../../stacks/policy-sizes";
import { config } from "../../__tests__/helpers/config";
import type { PolicyJson } from "../../__tests__/helpers/oracle";
import { lintPolicy } from "../../__tests__/proof/lint";

// What the two features add (the CIS alarms' grants on the trail's topic and key, the members' GetBucketLocation, the
// member query policies), in each partition and with and without a delegated administrator, passes the project's
// policy lint. The documents are linted whole; findings are kept for the statements these features add (the lint of
// the delivery statements that were there before is the guardrail suite's: __tests__/lint.test.ts).
const OURS = /^(member \d{12} log queries policy |SNS topic policy |log archive bucket policy |trail KMS key policy CloudWatchAlarms)/;

describe("with the alarms and member queries on, what they add passes the lint", () => {
  test.each([
    ["us-east-1", "aws", undefined],
    ["eu-west-3", "aws", "555555555555"],
    ["cn-north-1", "aws-cn", undefined],
    ["us-gov-west-1", "aws-us-gov", "555555555555"],
  ])("%s (%s), delegated admin %s", async (region, partition, admin) => {
    const c = config({
      organization: { homeRegion: region, partition, delegatedAdminAccountId: admin },
      logArchive: { accountId: "222222222222", keyPrefix: "org/logs" },
      trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: { namePrefix: "cis-" } },
      memberLogQueries: { accounts: ["333333333333", "444444444444"] },
    } as never);
    const names = policiesOf(c).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["SNS topic policy", "member 333333333333 log queries policy", "member 444444444444 log queries policy"]));
    const problems = await Promise.all(policiesOf(c).map((p) => lintPolicy(p.document as unknown as PolicyJson, p.name, { keyAdministrator: `arn:${partition}:iam::222222222222:root` })));
    expect(problems.flat().filter((p) => OURS.test(p))).toEqual([]);
  });
});
