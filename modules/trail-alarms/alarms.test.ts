import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ALARM_IDS, CIS_ALARMS } from "./catalog";
import { compileFilterPattern } from "./filter-pattern";
import { QUIET_EVENTS, TEST_EVENTS } from "./test-events";
import { config, deployStack } from "../../__tests__/helpers/synth";
import { parseConfig } from "../../config/load";
import { exampleWith } from "../../__tests__/helpers/config";

// Each CIS filter pattern, evaluated on real-shaped CloudTrail records: it fires on its own event and on no other
// alarm's, and on none of the quiet events.
const matchers = Object.fromEntries(CIS_ALARMS.map((a) => [a.id, compileFilterPattern(a.pattern)]));
const firing = (event: unknown) => ALARM_IDS.filter((id) => matchers[id](event));

describe("the CIS filter patterns", () => {
  test("there are the fifteen CIS monitoring alarms, each with a source", () => {
    expect(CIS_ALARMS.map((a) => a.id)).toEqual([...ALARM_IDS]);
    expect(ALARM_IDS).toHaveLength(15);
    for (const a of CIS_ALARMS) expect(a.source).toMatch(/CloudWatch\.\d+|CIS .*4\.15/);
  });

  test("docs/alarms.md shows every pattern verbatim, with its source", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "alarms.md"), "utf8");
    for (const a of CIS_ALARMS) expect([a.id, doc.includes(`\n${a.pattern}\n`), doc.includes(a.source)]).toEqual([a.id, true, true]);
  });

  test.each(ALARM_IDS.map((id) => [id]))("%s fires on its event and on no neighbour's", (id) => {
    expect(firing(TEST_EVENTS[id])).toEqual([id]);
  });

  test.each(Object.keys(QUIET_EVENTS).map((k) => [k]))("nothing fires on %s", (k) => {
    expect(firing(QUIET_EVENTS[k])).toEqual([]);
  });

  test("a known overlap of the published patterns: Organizations' CreatePolicy also matches the IAM pattern, which names no event source", () => {
    const event = { ...(TEST_EVENTS["organizations-changes"] as object), eventName: "CreatePolicy" };
    expect(firing(event)).toEqual(["iam-policy-changes", "organizations-changes"]);
  });

  test("sign-in without MFA fires only for a successful IAM user sign-in", () => {
    const success = TEST_EVENTS["console-sign-in-without-mfa"] as Record<string, unknown>;
    const root = { ...success, userIdentity: { type: "Root", principalId: "111122223333", arn: "arn:aws:iam::111122223333:root", accountId: "111122223333" } };
    expect(matchers["console-sign-in-without-mfa"](root)).toBe(false);
    // The root user's sign-in is still root usage.
    expect(matchers["root-account-usage"](root)).toBe(true);
  });
});

describe("the filter-pattern evaluator", () => {
  const m = (p: string, e: unknown) => compileFilterPattern(p)(e);
  test("wildcards, quoted and bare values", () => {
    expect(m('{ $.errorCode = "*UnauthorizedOperation" }', { errorCode: "Client.UnauthorizedOperation" })).toBe(true);
    expect(m('{ $.errorCode = "AccessDenied*" }', { errorCode: "AccessDeniedException" })).toBe(true);
    expect(m('{ $.errorCode = "AccessDenied*" }', { errorCode: "NotAccessDenied" })).toBe(false);
    expect(m("{ $.eventSource = kms.amazonaws.com }", { eventSource: "kms.amazonaws.com" })).toBe(true);
    expect(m("{ $.eventSource = kms.amazonaws.com }", { eventSource: "kmsXamazonaws.com" })).toBe(false);
  });
  test("a missing property matches neither = nor !=, and NOT EXISTS holds exactly then", () => {
    expect(m('{ $.a != "x" }', {})).toBe(false);
    expect(m('{ $.a = "x" }', {})).toBe(false);
    expect(m("{ $.a.b NOT EXISTS }", { a: {} })).toBe(true);
    expect(m("{ $.a.b NOT EXISTS }", { a: { b: "y" } })).toBe(false);
    expect(m("{ $.a IS NULL }", { a: null })).toBe(true);
  });
  test("&& binds tighter than ||; parentheses group; array indexes", () => {
    expect(m("{ $.a = 1 || $.b = 2 && $.c = 3 }", { a: "1", b: "2", c: "0" })).toBe(true);
    expect(m("{ ($.a = 1 || $.b = 2) && $.c = 3 }", { a: "1", b: "2", c: "0" })).toBe(false);
    expect(m("{ $.r[1].x = y }", { r: [{}, { x: "y" }] })).toBe(true);
  });
  test("refuses what it does not implement, instead of passing it unread", () => {
    expect(() => compileFilterPattern("{ $.n > 1 }")).toThrow(/expected =, !=/);
    expect(() => compileFilterPattern("{ $.a = x ")).toThrow(/expected \}/);
    expect(() => compileFilterPattern('[ip, user, ...]')).toThrow(/expected \{/);
  });
});

describe("trail.alarms in the config and the deploy stack", () => {
  const withAlarms = (alarms: object, trail: object = { cloudWatchLogs: {}, snsTopic: {} }) => exampleWith({ trail: { ...trail, alarms } as never });

  test("requires CloudWatch Logs delivery and a topic, naming the fields", () => {
    expect(() => parseConfig(withAlarms({}, { snsTopic: {} }))).toThrow(/trail\.alarms[^\n]*requires trail\.cloudWatchLogs/);
    expect(() => parseConfig(withAlarms({}, { cloudWatchLogs: {} }))).toThrow(/trail\.alarms\.topicArn[^\n]*must be set/);
    expect(() => parseConfig(withAlarms({ disabled: [...ALARM_IDS] }))).toThrow(/trail\.alarms\.disabled[^\n]*at least one/);
    expect(() => parseConfig(withAlarms({ disabled: ["root"] }))).toThrow(/trail\.alarms\.disabled/);
    expect(() => parseConfig(withAlarms({ enabled: false }, {}))).not.toThrow();
  });

  test("a filter and an alarm per enabled CIS alarm, by id, notifying the trail's topic", () => {
    const tf = deployStack(config({ trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: { disabled: ["vpc-changes"], namespace: "Org/CIS" } } as never }));
    const filters = tf.resource.aws_cloudwatch_log_metric_filter.cis;
    const alarms = tf.resource.aws_cloudwatch_metric_alarm.cis;
    const keys = Object.keys(filters.for_each as object);
    expect(keys).toEqual(ALARM_IDS.filter((id) => id !== "vpc-changes"));
    expect(Object.keys(alarms.for_each as object)).toEqual(keys);
    expect(filters.log_group_name).toBe("/aws/cloudtrail/org-trail");
    expect(filters.depends_on).toEqual(["aws_cloudwatch_log_group.cloudtrail"]);
    expect(filters.name).toBe("org-trail-${each.value.metric_name}");
    expect(filters.metric_transformation).toMatchObject({ namespace: "Org/CIS", value: "1" });
    expect(alarms.alarm_actions).toEqual(["arn:aws:sns:us-east-1:111111111111:org-trail-notifications"]);
    expect(alarms).toMatchObject({ threshold: 1, evaluation_periods: 1, period: 300, statistic: "Sum", comparison_operator: "GreaterThanOrEqualToThreshold", treat_missing_data: "notBreaching" });
  });

  test("the vendored module's catalog is the deploy stack's: same ids, metric names and patterns", () => {
    const golden = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "vendor", "orgtrail", "trail-alarms", "main.tf.json"), "utf8"));
    const tf = deployStack(config({ trail: { cloudWatchLogs: {}, snsTopic: {}, alarms: {} } as never }));
    expect(golden.locals.cis_alarms).toEqual(tf.resource.aws_cloudwatch_log_metric_filter.cis.for_each);
  });

  test("a given topic ARN replaces the trail's topic; enabled: false creates nothing", () => {
    const topic = "arn:aws:sns:us-east-1:111111111111:security-alerts";
    const tf = deployStack(config({ trail: { cloudWatchLogs: {}, alarms: { topicArn: topic } } as never }));
    expect(tf.resource.aws_cloudwatch_metric_alarm.cis.alarm_actions).toEqual([topic]);
    const off = deployStack(config({ trail: { cloudWatchLogs: {}, alarms: { enabled: false } } as never }));
    expect(off.resource.aws_cloudwatch_metric_alarm).toBeUndefined();
  });
});
