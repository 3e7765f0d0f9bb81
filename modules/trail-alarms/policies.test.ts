import type { ResolvedDocument } from "../shared/document";
import { policiesOf } from "../../stacks/policy-sizes";
import { evaluate, service, type Organization, type PolicyJson } from "../../__tests__/helpers/oracle";
import { config } from "../../__tests__/helpers/config";
import { lintPolicy } from "../../__tests__/proof/lint";

// When the CIS alarms notify the trail's own topic, its policy lets CloudWatch publish for these alarms only, and
// the trail key (which encrypts the topic) lets CloudWatch encrypt for this topic only. Proven by the IAM simulator.
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const OTHER = "333333333333";
const TOPIC = `arn:aws:sns:us-east-1:${MGMT}:org-trail-notifications`;
const KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const org: Organization = { orgId: "o-exampleorgid", managementAccountId: MGMT, logArchiveAccountId: ARCHIVE, members: [OTHER] };
const docsOf = (c: ReturnType<typeof config>) => Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document])) as Record<string, ResolvedDocument>;
const json = (d: ResolvedDocument) => d as unknown as PolicyJson;
const alarm = (account: string, name: string) => `arn:aws:cloudwatch:us-east-1:${account}:alarm:${name}`;

const withAlarms = docsOf(config({ logArchive: { accountId: ARCHIVE }, trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: {} } as never }));
const ownTopic = docsOf(config({ logArchive: { accountId: ARCHIVE }, trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: { topicArn: `arn:aws:sns:us-east-1:${MGMT}:security` } } as never }));
const noAlarms = docsOf(config({ logArchive: { accountId: ARCHIVE }, trail: { cloudWatchLogs: {}, snsTopic: {} } }));

describe("the trail's topic as the alarms' target", () => {
  const publish = (doc: ResolvedDocument, sourceArn: string) =>
    evaluate(org, { principal: service("cloudwatch.amazonaws.com", sourceArn), action: "sns:Publish", resource: TOPIC }, { resourcePolicy: json(doc) });

  test("CloudWatch publishes for the CIS alarms of the topic's account, not for other alarms or accounts", async () => {
    const topic = withAlarms["SNS topic policy"];
    expect(await publish(topic, alarm(MGMT, "org-trail-RootAccountUsage"))).toBe("Allowed");
    expect(await publish(topic, alarm(MGMT, "someone-elses-alarm"))).toBe("ImplicitlyDenied");
    expect(await publish(topic, alarm(OTHER, "org-trail-RootAccountUsage"))).toBe("ImplicitlyDenied");
  });

  test("without alarms on it, or with alarms notifying another topic, the topic admits CloudTrail only", async () => {
    for (const docs of [noAlarms, ownTopic]) {
      expect(docs["SNS topic policy"].Statement.map((s) => s.Sid)).toEqual(["CloudTrailPublish"]);
      expect(await publish(docs["SNS topic policy"], alarm(MGMT, "org-trail-RootAccountUsage"))).toBe("ImplicitlyDenied");
      expect(docs["trail KMS key policy"].Statement.map((s) => s.Sid)).not.toContain("CloudWatchAlarmsEncryptNotifications");
    }
  });

  test("the trail key lets CloudWatch encrypt for this topic only", async () => {
    const generate = (doc: ResolvedDocument, topic: string) =>
      evaluate(org, { principal: service("cloudwatch.amazonaws.com", alarm(MGMT, "org-trail-RootAccountUsage")), action: "kms:GenerateDataKey", resource: KEY, context: { encryptionContext: { "aws:sns:topicArn": topic } } }, { keyPolicy: json(doc) });
    expect(await generate(withAlarms["trail KMS key policy"], TOPIC)).toBe("Allowed");
    expect(await generate(withAlarms["trail KMS key policy"], `arn:aws:sns:us-east-1:${MGMT}:other`)).toBe("ImplicitlyDenied");
    expect(await generate(noAlarms["trail KMS key policy"], TOPIC)).toBe("ImplicitlyDenied");
  });
});

// (One file with the grants' proofs: the simulator loads once.)
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
