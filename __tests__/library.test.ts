import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { App, TerraformStack } from "cdktf";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { CloudTrailUserPolicies, LogArchive, MemberLogQueries, MemberReaderRoles, OrganizationTrail, OrgtrailPropsError, ThirdPartyReaders, TrailAlarms, TrailGuardrail } from "../lib";
import { README_EXAMPLE } from "../config/example";
import { parseConfig } from "../config/load";
import { stripMetadata } from "../stacks/to-module";
import { tempDir } from "./helpers/cli";
import { deployStack } from "./helpers/synth";
import { initAndPlan, writeOfflineProviders } from "./helpers/terraform";

/** orgtrail as a construct library (`orgtrail/lib`), used the way a cdktf user would. */
const ROOT = resolve(__dirname, "..");
const CONSTRUCTS = ["LogArchive", "OrganizationTrail", "MemberReaderRoles", "ThirdPartyReaders", "CloudTrailUserPolicies", "TrailGuardrail", "TrailAlarms", "MemberLogQueries", "OrgtrailPropsError"];
const org = { organizationId: "o-abcdefghij", managementAccountId: "111111111111", homeRegion: "eu-west-1" };

/** Two archives and two trails, each delivering to its own log group and topic (defaults: names from the trail name). */
function twoTrails() {
  const stack = new TerraformStack(new App({ outdir: tempDir("lib-app") }), "security");
  for (const id of ["prod", "audit"]) {
    const delivery = { cloudWatchLogs: {}, snsTopic: {} };
    const archive = new LogArchive(stack, `${id}-archive`, { ...org, ...delivery, trailName: `${id}-trail`, bucketName: `acme-${id}-cloudtrail`, kmsAliasName: `alias/${id}-cloudtrail` });
    new OrganizationTrail(stack, `${id}-trail`, { ...org, ...delivery, trailName: `${id}-trail`, bucketName: `acme-${id}-cloudtrail`, kmsKeyArn: archive.kmsKeyArn, dependsOn: archive.readyForTrail });
  }
  return stack.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> };
}

test("two archives and two trails in one stack are two of each, with logical IDs from the construct path", () => {
  const tf = twoTrails();
  const trails = Object.values(tf.resource.aws_cloudtrail);
  expect(trails.map((t) => t.name).sort()).toEqual(["audit-trail", "prod-trail"]);
  expect(Object.keys(tf.resource.aws_cloudtrail)).not.toContain("organization");
  expect(Object.values(tf.resource.aws_kms_key)).toHaveLength(2);
  expect(Object.values(tf.resource.aws_s3_bucket).map((b) => b.bucket).sort()).toEqual(["acme-audit-cloudtrail", "acme-audit-cloudtrail-access-logs", "acme-prod-cloudtrail", "acme-prod-cloudtrail-access-logs"]);
});

test("two trails with deliveries in one stack: a log group, role, role policy, topic and topic policy each, every policy naming its own trail, log group and topic", () => {
  const tf = twoTrails();
  const ids = (type: string) => Object.keys(tf.resource[type] ?? {}).sort();
  for (const type of ["aws_cloudwatch_log_group", "aws_iam_role", "aws_iam_role_policy", "aws_sns_topic", "aws_sns_topic_policy"]) {
    expect([type, ids(type).map((k) => k.replace(/_.*$/, ""))]).toEqual([type, ["audit-trail", "prod-trail"]]);
  }
  const of = (type: string, id: string) => Object.entries(tf.resource[type]).find(([k]) => k.startsWith(`${id}-trail_`))![1];
  for (const id of ["prod", "audit"]) {
    const trail = of("aws_cloudtrail", id);
    expect(of("aws_cloudwatch_log_group", id).name).toBe(`/aws/cloudtrail/${id}-trail`);
    expect(of("aws_iam_role", id).name).toBe(`${id}-trail-cloudwatch-logs`);
    expect(of("aws_sns_topic", id).name).toBe(`${id}-trail-notifications`);
    expect([trail.cloud_watch_logs_group_arn, trail.cloud_watch_logs_role_arn, trail.sns_topic_name]).toEqual([
      `arn:aws:logs:eu-west-1:111111111111:log-group:/aws/cloudtrail/${id}-trail:*`,
      `arn:aws:iam::111111111111:role/${id}-trail-cloudwatch-logs`,
      `${id}-trail-notifications`,
    ]);
    expect(of("aws_iam_role_policy", id).policy).toContain(`log-group:/aws/cloudtrail/${id}-trail:log-stream:*`);
    expect(of("aws_sns_topic_policy", id).policy).toContain(`trail/${id}-trail`);
    // Each archive's key admits its own trail's log group and topic, and not the other's.
    const key = Object.entries(tf.resource.aws_kms_key).find(([k]) => k.startsWith(`${id}-archive_`))![1].policy as string;
    const other = id === "prod" ? "audit" : "prod";
    expect(key).toContain(`log-group:/aws/cloudtrail/${id}-trail`);
    expect(key).toContain(`:${id}-trail-notifications`);
    expect(key).not.toContain(`${other}-trail`);
    expect(of("aws_cloudwatch_log_group", id).kms_key_id).toBe(`\${aws_kms_key.${Object.keys(tf.resource.aws_kms_key).find((k) => k.startsWith(`${id}-archive_`))}.arn}`);
  }
});

test("props break the config's rules: one error naming every bad prop, its value and the rule", () => {
  const stack = new TerraformStack(new App({ outdir: tempDir("lib-bad") }), "bad");
  const make = () => new LogArchive(stack, "archive", { ...org, organizationId: "o-x", trailName: "t", bucketName: "Acme_Bad_Bucket" });
  expect(make).toThrow(OrgtrailPropsError);
  expect(make).toThrow(/LogArchive "archive": 3 invalid props/);
  expect(make).toThrow(/- organizationId: must be an AWS Organizations ID.*\(got "o-x"\)/);
  expect(make).toThrow(/- bucketName: .*lowercase letters.*\(got "Acme_Bad_Bucket"\)/);
  expect(make).toThrow(/- trailName: .*\(got "t"\)/);
});

type Resources = Record<string, Record<string, Record<string, any>>>;
const userStack = (label: string) => new TerraformStack(new App({ outdir: tempDir(label) }), "security");
const synthOf = (stack: TerraformStack) => stripMetadata(stack.toTerraform()) as { resource: Resources; locals?: unknown };

/** The README example organization as props: a log-archive account, two member roles, two third parties, a guardrail. */
const X = README_EXAMPLE;
const exampleOrg = { organizationId: X.organization.id, managementAccountId: X.organization.managementAccountId, homeRegion: X.organization.homeRegion, trailName: X.trail.name, bucketName: X.logArchive.bucketName };
const location = { ...exampleOrg, logArchiveAccountId: X.logArchive.accountId };
const ALARM_TOPIC = "arn:aws:sns:us-east-1:111111111111:security-alerts";
/** A key of the user's own, in the home region, for a topic. */
const ALARM_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/** Every construct but the archive and trail, built from the README example (`suffix` tells two instances apart). */
function everyConstruct(stack: TerraformStack, suffix: string) {
  return {
    roles: new MemberReaderRoles(stack, `readers${suffix}`, { ...location, memberRoles: X.memberRoles }),
    third: new ThirdPartyReaders(stack, `third-parties${suffix}`, { ...location, thirdPartyReaders: X.thirdPartyReaders }),
    users: new CloudTrailUserPolicies(stack, `user-policies${suffix}`, { ...location }),
    guardrail: new TrailGuardrail(stack, `guardrail${suffix}`, { ...location, ...X.trailGuardrail, policyName: `Guardrail${suffix}`, perimeterName: `Perimeter${suffix}` }),
    alarms: new TrailAlarms(stack, `alarms${suffix}`, { ...exampleOrg, topicArn: ALARM_TOPIC, namePrefix: `cis${suffix}-`, disabled: ["vpc-changes"] }),
    queries: new MemberLogQueries(stack, `queries${suffix}`, { ...location, memberAccountId: "333333333333", resultsBucketName: `acme-athena-results${suffix}` }),
  };
}

/** The resource of `type` whose logical ID is under construct `id` (cdktf IDs start with the construct path). */
function under(tf: { resource: Resources }, type: string, id: string): Record<string, any>[] {
  return Object.entries(tf.resource[type] ?? {}).filter(([k]) => k.startsWith(`${id}_`)).map(([, r]) => r);
}

describe("every construct in a user's stack", () => {
  const stack = userStack("lib-every");
  const [one, two] = [everyConstruct(stack, "-a"), everyConstruct(stack, "-b")];
  const tf = synthOf(stack);

  test("two instances of each are two of each resource, each instance keeping its own for_each keys and names", () => {
    const ids = (type: string) => Object.keys(tf.resource[type] ?? {});
    const counts = Object.fromEntries(
      ["aws_iam_role", "aws_iam_role_policy", "aws_iam_policy", "aws_organizations_policy", "aws_organizations_policy_attachment", "aws_cloudwatch_log_metric_filter", "aws_cloudwatch_metric_alarm", "aws_glue_catalog_table", "aws_athena_workgroup"].map((t) => [t, ids(t).length]),
    );
    // Roles: member readers and third parties, twice. Policies: three user policies and one query policy, twice. SCP and RCP, twice.
    expect(counts).toEqual({ aws_iam_role: 4, aws_iam_role_policy: 4, aws_iam_policy: 8, aws_organizations_policy: 4, aws_organizations_policy_attachment: 4, aws_cloudwatch_log_metric_filter: 2, aws_cloudwatch_metric_alarm: 2, aws_glue_catalog_table: 2, aws_athena_workgroup: 2 });
    for (const suffix of ["-a", "-b"]) {
      expect(Object.keys(under(tf, "aws_iam_role", `readers${suffix}`)[0].for_each).sort()).toEqual(["333333333333", "444444444444"]);
      expect(Object.keys(under(tf, "aws_iam_role", `third-parties${suffix}`)[0].for_each).sort()).toEqual(["Auditor", "SiemVendor"]);
      expect(under(tf, "aws_organizations_policy", `guardrail${suffix}`).map((p) => p.name).sort()).toEqual([`Guardrail${suffix}`, `Perimeter${suffix}`]);
      expect(under(tf, "aws_cloudwatch_metric_alarm", `alarms${suffix}`)[0].alarm_name).toBe(`cis${suffix}-\${each.value.metric_name}`);
    }
    // Nothing at stack level that two instances could share.
    expect(tf.locals).toBeUndefined();
  });

  test("references inside an instance point at its own resources: role policies, alarms, attachments", () => {
    for (const suffix of ["-a", "-b"]) {
      const [role] = Object.keys(tf.resource.aws_iam_role).filter((k) => k.startsWith(`readers${suffix}_`));
      expect(under(tf, "aws_iam_role_policy", `readers${suffix}`)[0].role).toBe(`\${aws_iam_role.${role}[each.key].name}`);
      const [filter] = Object.keys(tf.resource.aws_cloudwatch_log_metric_filter).filter((k) => k.startsWith(`alarms${suffix}_`));
      expect(under(tf, "aws_cloudwatch_metric_alarm", `alarms${suffix}`)[0].depends_on).toEqual([`aws_cloudwatch_log_metric_filter.${filter}`]);
    }
    // The rules' preconditions come along: a third party is never the management or log-archive account.
    expect(JSON.stringify(under(tf, "aws_iam_role", "third-parties-a")[0].lifecycle)).toContain("each.value.account_id");
  });

  test("attributes: one reference per role, per policy, per alarm; names known at synth where they are", () => {
    const [role] = Object.keys(tf.resource.aws_iam_role).filter((k) => k.startsWith("readers-a_"));
    expect(one.roles.roleArns).toEqual({ "333333333333": `\${aws_iam_role.${role}["333333333333"].arn}`, "444444444444": `\${aws_iam_role.${role}["444444444444"].arn}` });
    expect(one.roles.roleNames).toEqual({ "333333333333": "OrgTrailLogReader-333333333333", "444444444444": "AuditReader" });
    expect(Object.keys(two.third.roleArns).sort()).toEqual(["Auditor", "SiemVendor"]);
    expect(one.third.roleArns.Auditor).not.toEqual(two.third.roleArns.Auditor);
    expect([one.users.readOnlyPolicyArn, one.users.administrationPolicyArn, one.users.protectTrailPolicyArn].every((a) => /^\$\{aws_iam_policy\.user-policies-a_.*\.arn\}$/.test(a!))).toBe(true);
    expect(one.guardrail.policyArn).toMatch(/^\$\{aws_organizations_policy\.guardrail-a_.*\.arn\}$/);
    expect(one.guardrail.perimeterPolicyId).toMatch(/\.id\}$/);
    expect(Object.keys(one.alarms.alarmArns)).toHaveLength(14);
    expect(one.alarms.alarmNames["root-account-usage"]).toBe("cis-a-RootAccountUsage");
    expect(one.queries.policyArn).toMatch(/^\$\{aws_iam_policy\.queries-a_.*\.arn\}$/);
    expect(one.queries.resultsBucketName).toMatch(/^\$\{aws_s3_bucket\.queries-a_.*\.bucket\}$/);
  });
});

test("TrailGuardrail exempts the pipeline's log-archive role given as logArchiveAssumeRoleArn, without listing it", () => {
  const stack = userStack("lib-deploy-role");
  const role = "arn:aws:iam::222222222222:role/pipeline-deployer";
  new TrailGuardrail(stack, "guardrail", { ...location, targetIds: ["r-ab12"], logArchiveAssumeRoleArn: role });
  const scp = Object.values((synthOf(stack) as unknown as { resource: Resources }).resource.aws_organizations_policy)[0];
  const exempt = JSON.parse(scp.content as string).Statement.map((s: { Condition?: Record<string, Record<string, unknown>> }) => s.Condition?.ArnNotLike?.["aws:PrincipalArn"]);
  expect(exempt.every((arns: unknown) => JSON.stringify(arns).includes(role))).toBe(true);
});

/**
 * What a construct builds from props is what the deploy stack builds from the same values as a config: the same
 * documents, for_each maps and names. Only the addresses, providers and depends_on differ: a reference to one of
 * the constructs' resources (`${aws_kms_key.archive_archive_key_….arn}`) reads as one to the deploy stack's.
 */
function sameAs(deployed: { resource: Resources }, mine: { resource: Resources }) {
  const body = (r: Record<string, any>, addresses: Record<string, string>) => {
    const { provider, depends_on, role, policy_id, ...rest } = r;
    void [provider, depends_on, role, policy_id];
    return JSON.parse(JSON.stringify(rest).replace(/\$\{(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)/g, (m, type, id) => (addresses[`${type}.${id}`] ? `\${${addresses[`${type}.${id}`]}` : m)));
  };
  const addresses: Record<string, string> = {};
  /** The deploy stack's `type.fixed` against the one resource of that type under construct `id` whose ID has `part`. */
  return (type: string, fixed: string, id: string, part = "") => {
    const theirs = deployed.resource[type]?.[fixed];
    const ours = Object.entries(mine.resource[type] ?? {}).filter(([k]) => k.startsWith(`${id}_`) && k.includes(part));
    expect(ours).toHaveLength(1);
    addresses[`${type}.${ours[0][0]}`] = `${type}.${fixed}`;
    expect([type, fixed, theirs && body(theirs, addresses)]).toEqual([type, fixed, body(ours[0][1], addresses)]);
  };
}

test("each construct's resources match the deploy stack's for the same config (the README example, with CIS alarms)", () => {
  const deployed = deployStack(parseConfig({ ...X, trail: { ...X.trail, cloudWatchLogs: {}, alarms: { topicArn: ALARM_TOPIC, disabled: ["vpc-changes"] } } })) as unknown as { resource: Resources };
  const stack = userStack("lib-same");
  new MemberReaderRoles(stack, "readers", { ...location, memberRoles: X.memberRoles });
  new ThirdPartyReaders(stack, "third-parties", { ...location, thirdPartyReaders: X.thirdPartyReaders });
  new CloudTrailUserPolicies(stack, "user-policies", { ...location });
  new TrailGuardrail(stack, "guardrail", { ...location, ...X.trailGuardrail });
  new TrailAlarms(stack, "alarms", { ...exampleOrg, topicArn: ALARM_TOPIC, disabled: ["vpc-changes"] });
  const same = sameAs(deployed, synthOf(stack));
  same("aws_iam_role", "member_reader", "readers");
  same("aws_iam_role_policy", "member_reader", "readers");
  same("aws_iam_role", "third_party_reader", "third-parties");
  same("aws_iam_role_policy", "third_party_reader", "third-parties");
  for (const p of ["cloudtrail_read_only", "cloudtrail_administration", "protect_organization_trail"]) same("aws_iam_policy", p, "user-policies", p);
  same("aws_organizations_policy", "trail_guardrail", "guardrail", "_policy_");
  same("aws_organizations_policy", "data_perimeter", "guardrail", "_perimeter_");
  same("aws_cloudwatch_metric_alarm", "cis", "alarms");
  same("aws_cloudwatch_log_metric_filter", "cis", "alarms");
});

/** Delivery to a log group and a topic, both encrypted with the trail key, and the CIS alarms notifying that topic. */
const DELIVERY = {
  cloudWatchLogs: { logGroupName: "/acme/org-trail", retentionDays: 731, roleName: "OrgTrailToLogs" },
  snsTopic: { name: "org-trail-events", alarmNamePrefix: "cis-" },
};

test("LogArchive, OrganizationTrail with CloudWatch Logs and SNS delivery, and TrailAlarms on its log group and topic match the deploy stack", () => {
  const { alarmNamePrefix, ...snsTopic } = DELIVERY.snsTopic;
  const trailConfig = { ...X.trail, cloudWatchLogs: DELIVERY.cloudWatchLogs, snsTopic, alarms: { namePrefix: alarmNamePrefix, disabled: ["vpc-changes" as const] } };
  const deployed = deployStack(parseConfig({ ...X, trail: trailConfig })) as unknown as { resource: Resources };
  const stack = userStack("lib-delivery");
  const archive = new LogArchive(stack, "archive", { ...location, ...DELIVERY });
  const trail = new OrganizationTrail(stack, "trail", { ...exampleOrg, ...DELIVERY, kmsKeyArn: archive.kmsKeyArn, dependsOn: archive.readyForTrail });
  new TrailAlarms(stack, "alarms", { ...exampleOrg, logGroupName: trail.logGroupName, topicArn: trail.snsTopicArn!, namePrefix: "cis-", disabled: ["vpc-changes"], dependsOn: trail.readyForAlarms });
  const mine = synthOf(stack);
  const same = sameAs(deployed, mine);
  // The key first: the log group and topic name it by reference.
  same("aws_kms_key", "cloudtrail", "archive");
  same("aws_cloudwatch_log_group", "cloudtrail", "trail");
  same("aws_iam_role", "cloudtrail_cloudwatch_logs", "trail");
  same("aws_iam_role_policy", "cloudtrail_cloudwatch_logs", "trail");
  same("aws_sns_topic", "cloudtrail_notifications", "trail");
  same("aws_sns_topic_policy", "cloudtrail_notifications", "trail");
  same("aws_cloudwatch_metric_alarm", "cis", "alarms");
  same("aws_cloudwatch_log_metric_filter", "cis", "alarms");
  same("aws_cloudtrail", "organization", "trail");

  // The statements the deliveries add are there (the comparison alone would also pass with neither side having them).
  const keyPolicy = JSON.parse(under(mine, "aws_kms_key", "archive")[0].policy as string);
  expect(keyPolicy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(expect.arrayContaining(["CloudWatchLogsEncryptTrailEvents", "CloudTrailEncryptNotifications", "CloudWatchAlarmsEncryptNotifications"]));
  const topicPolicy = JSON.parse(under(mine, "aws_sns_topic_policy", "trail")[0].policy as string);
  expect(topicPolicy.Statement.find((s: { Sid: string }) => s.Sid === "CloudWatchAlarmsPublish").Condition.ArnLike["aws:SourceArn"]).toBe("arn:aws:cloudwatch:us-east-1:111111111111:alarm:cis-*");
  expect([trail.logGroupName, trail.logGroupArn, trail.snsTopicArn]).toEqual(["/acme/org-trail", "arn:aws:logs:us-east-1:111111111111:log-group:/acme/org-trail", "arn:aws:sns:us-east-1:111111111111:org-trail-events"]);
  // The trail waits for its log group, role policy and topic policy; the log group and topic for the key.
  const [cloudtrail] = under(mine, "aws_cloudtrail", "trail");
  for (const type of ["aws_cloudwatch_log_group", "aws_iam_role_policy", "aws_sns_topic_policy"]) expect(cloudtrail.depends_on).toContain(`${type}.${Object.keys(mine.resource[type]).find((k) => k.startsWith("trail_"))}`);
  expect(under(mine, "aws_cloudwatch_log_group", "trail")[0].depends_on).toContain(`aws_kms_key.${Object.keys(mine.resource.aws_kms_key)[0]}`);
  expect(under(mine, "aws_cloudwatch_log_metric_filter", "alarms")[0].depends_on).toEqual([`aws_cloudwatch_log_group.${Object.keys(mine.resource.aws_cloudwatch_log_group)[0]}`]);
});

test("a reference to the trail key (a LogArchive's kmsKeyArn) is checked as a key of the log-archive account and lands in the policies", () => {
  const stack = userStack("lib-ref");
  const archive = new LogArchive(stack, "archive", { ...location });
  new MemberReaderRoles(stack, "readers", { ...location, kmsKeyArn: archive.kmsKeyArn, memberRoles: [{ accountId: "333333333333" }] });
  const policy = under(synthOf(stack), "aws_iam_role_policy", "readers")[0].policy as string;
  expect(archive.kmsKeyArn).toMatch(/^\$\{aws_kms_key\.archive_.*\.arn\}$/);
  // The key's ARN is known after apply: the policy names it (its account's key pattern only stands in while unknown).
  expect(policy).toContain(`coalesce(${archive.kmsKeyArn.slice(2, -1)}, `);
});

test("a reference to the user's own topic is checked as an SNS topic ARN and becomes the alarms' action; tags reach the resources", () => {
  const stack = userStack("lib-topic");
  const topic = new SnsTopic(stack, "alerts", { name: "security-alerts" });
  new TrailAlarms(stack, "alarms", { ...exampleOrg, topicArn: topic.arn, tags: { team: "security" } });
  new ThirdPartyReaders(stack, "siem", { ...location, tags: { team: "security" }, thirdPartyReaders: [X.thirdPartyReaders[0]] });
  const tf = synthOf(stack);
  const [alarm] = under(tf, "aws_cloudwatch_metric_alarm", "alarms");
  // cdktf's token resolved to the reference the alarm construct reads (it guards a null topic, as in the module).
  expect(alarm.alarm_actions).toBe("\${aws_sns_topic.alerts.arn != null ? [aws_sns_topic.alerts.arn] : []}");
  expect(alarm.tags).toEqual({ team: "security" });
  expect(under(tf, "aws_iam_role", "siem")[0].tags).toEqual({ team: "security" });
});

describe("bad props: one OrgtrailPropsError naming every bad prop (the path the user wrote), its value and the rule, before anything is added", () => {
  const cases: [string, (s: TerraformStack) => unknown, RegExp[]][] = [
    [
      "MemberReaderRoles",
      (s) => new MemberReaderRoles(s, "readers", { ...location, memberRoles: [{ accountId: "333333333333" }, { accountId: "333333333333", maxSessionDurationSeconds: 60 }] }),
      [/MemberReaderRoles "readers": 2 invalid props/, /- memberRoles\[1\]\.maxSessionDurationSeconds: must be a whole number from 3600 to 43200 \(got 60\)/, /- memberRoles\[1\]\.accountId: must be unique.*\(got "333333333333"\)/],
    ],
    [
      "ThirdPartyReaders",
      (s) => new ThirdPartyReaders(s, "third", { ...location, organizationId: "o-x", thirdPartyReaders: [{ name: "ExternalAuditor", accountId: "222222222222", externalId: "x", accounts: ["333333333333", "333333333333"] }] }),
      [
        /ThirdPartyReaders "third": 4 invalid props/,
        /- organizationId: must be an AWS Organizations ID.*\(got "o-x"\)/,
        /- thirdPartyReaders\[ExternalAuditor\]\.externalId: must be 2 to 1224 characters long \(got "x"\)/,
        /- thirdPartyReaders\[ExternalAuditor\]\.accountId: must not be the management or log-archive account.*\(got "222222222222"\)/,
        /- thirdPartyReaders\[ExternalAuditor\]\.accounts\[1\]: must be unique \(got "333333333333"\)/,
      ],
    ],
    ["CloudTrailUserPolicies", (s) => new CloudTrailUserPolicies(s, "users", { ...location, kmsKeyArn: "alias/mine", keyPrefix: "/logs/" }), [/2 invalid props/, /- kmsKeyArn: must be a KMS key ARN.*\(got "alias\/mine"\)/, /- keyPrefix: .*\(got "\/logs\/"\)/]],
    [
      "TrailGuardrail",
      (s) => new TrailGuardrail(s, "guardrail", { ...location, targetIds: ["r-ab12", "111111111111"] }),
      [/TrailGuardrail "guardrail": 2 invalid props/, /- targetIds\[1\]: must not be the management account.*\(got "111111111111"\)/, /- exemptPrincipalArns: must exempt the role that deploys into account 222222222222.*Set logArchiveAssumeRoleArn \(exempted automatically\) or list that role's ARN here, or set protectArchive to false/],
    ],
    [
      "TrailAlarms",
      (s) => new TrailAlarms(s, "alarms", { ...exampleOrg, topicArn: "arn:aws:sqs:us-east-1:111111111111:q", namespace: "AWS/Mine", disabled: ["vpc-changes", "vpc-changes"] }),
      [/TrailAlarms "alarms": 3 invalid props/, /- topicArn: must be an SNS topic ARN.*\(got "arn:aws:sqs/, /- namespace: must not begin with AWS\/.*\(got "AWS\/Mine"\)/, /- disabled\[1\]: must name each alarm once \(got "vpc-changes"\)/],
    ],
    [
      "MemberLogQueries",
      (s) => new MemberLogQueries(s, "queries", { ...location, memberAccountId: "3333", tableName: "CloudTrail-Logs", regions: ["us-east-1", "mars-north-1"], resultsExpirationDays: 0 }),
      [/MemberLogQueries "queries": 4 invalid props/, /- memberAccountId: must be a 12-digit AWS account ID \(got "3333"\)/, /- tableName: .*lowercase.*\(got "CloudTrail-Logs"\)/, /- regions\[1\]: must be an AWS region.*\(got "mars-north-1"\)/, /- resultsExpirationDays: must be a whole number from 1 to 3650 \(got 0\)/],
    ],
    [
      "OrganizationTrail",
      (s) => new OrganizationTrail(s, "trail", { ...exampleOrg, kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k", managementEvents: { enabled: false }, insights: ["ApiCallRateInsight"] }),
      [/OrganizationTrail "trail": 2 invalid props/, /- managementEvents\.enabled: must be true unless dataEvents selects something/, /- insights: must not include ApiCallRateInsight unless the trail logs write management events/],
    ],
    [
      "OrganizationTrail cloudWatchLogs and snsTopic",
      (s) =>
        new OrganizationTrail(s, "trail", {
          ...exampleOrg,
          kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k",
          cloudWatchLogs: { retentionDays: 366 as never, logGroupName: "org trail!" },
          snsTopic: { name: "org.trail", kmsKeyArn: "arn:aws:kms:eu-west-1:111111111111:key/k" },
        }),
      [
        /OrganizationTrail "trail": 4 invalid props/,
        /- cloudWatchLogs\.retentionDays: must be one of 1, 3, 5, 7, .*\(got 366\)/,
        /- cloudWatchLogs\.logGroupName: must contain only letters, digits and the characters \. _ - \/ # \(got "org trail!"\)/,
        /- snsTopic\.name: must contain only letters, digits, hyphens and underscores \(got "org\.trail"\)/,
        /- snsTopic\.kmsKeyArn: must be a key in the home region us-east-1.*\(got "arn:aws:kms:eu-west-1:111111111111:key\/k"\)/,
      ],
    ],
    [
      "OrganizationTrail cloudWatchLogs role name",
      (s) => new OrganizationTrail(s, "trail", { ...exampleOrg, trailName: "t".repeat(50), kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k", cloudWatchLogs: {} }),
      [/1 invalid prop/, /- cloudWatchLogs\.roleName: must be set: the default t{50}-cloudwatch-logs is longer than 64 characters/],
    ],
    [
      "LogArchive cloudWatchLogs and snsTopic",
      (s) => new LogArchive(s, "archive", { ...location, cloudWatchLogs: { retention: 30 } as never, snsTopic: { alarmNamePrefix: "cis prefix" } }),
      [/LogArchive "archive": 2 invalid props/, /- cloudWatchLogs\.retention: is not a known setting \(known here: logGroupName, retentionDays, kmsKeyArn, roleName\)/, /- snsTopic\.alarmNamePrefix: must be at most 200 letters.*\(got "cis prefix"\)/],
    ],
    [
      "LogArchive snsTopic.alarmNamePrefix without cloudWatchLogs",
      (s) => new LogArchive(s, "archive", { ...location, snsTopic: { alarmNamePrefix: "cis-" } }),
      [/1 invalid prop/, /- snsTopic\.alarmNamePrefix: requires cloudWatchLogs: the CIS alarms read the trail's CloudWatch Logs log group \(got "cis-"\)/],
    ],
  ];
  test.each(cases)("%s", (_, make, messages) => {
    const stack = userStack("lib-bad");
    let error: unknown;
    try {
      make(stack);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OrgtrailPropsError);
    for (const m of messages) expect((error as Error).message).toMatch(m);
    expect(stack.node.children).toHaveLength(0);
  });
});

test("a trail whose deliveries differ from its LogArchive's key policy, or alarms the trail's topic does not admit, are errors at synth, adding nothing", () => {
  const stack = userStack("lib-mismatch");
  const archive = new LogArchive(stack, "archive", { ...location, cloudWatchLogs: {} });
  const error = (make: () => unknown) => {
    const before = stack.node.children.length;
    let e: unknown;
    try {
      make();
    } catch (x) {
      e = x;
    }
    expect(stack.node.children).toHaveLength(before);
    expect(e).toBeInstanceOf(OrgtrailPropsError);
    return (e as Error).message;
  };
  const trail = (id: string, delivery: object) => new OrganizationTrail(stack, id, { ...exampleOrg, ...delivery, kmsKeyArn: archive.kmsKeyArn, dependsOn: archive.readyForTrail });
  // A topic the archive's key policy does not admit, and no log group where it admits one.
  expect(error(() => trail("t1", { snsTopic: {} }))).toMatch(
    new RegExp(
      [
        'OrganizationTrail "t1": 2 invalid props',
        '  - cloudWatchLogs: must be the same as LogArchive "archive"\'s, whose key the trail uses: the trail encrypts no log group with that key, and its key policy admits arn:aws:logs:us-east-1:111111111111:log-group:/aws/cloudtrail/org-trail',
        '  - snsTopic: must be the same as LogArchive "archive"\'s, whose key the trail uses: the trail encrypts the topic arn:aws:sns:us-east-1:111111111111:org-trail-notifications with that key, and its key policy admits none',
      ].join("\n").replace(/[.*+?()[\]]/g, "\\$&"),
    ),
  );
  // Another log group name.
  expect(error(() => trail("t2", { cloudWatchLogs: { logGroupName: "/other" } }))).toMatch(/- cloudWatchLogs: .*encrypts the log group arn:aws:logs:us-east-1:111111111111:log-group:\/other with that key, and its key policy admits arn:aws:logs:us-east-1:111111111111:log-group:\/aws\/cloudtrail\/org-trail$/);
  // Alarms on the trail's topic while the archive's key does not let CloudWatch encrypt for that topic.
  const second = new LogArchive(stack, "second", { ...location, cloudWatchLogs: {}, snsTopic: {}, kmsAliasName: "alias/second" });
  const alarmsToo = () => new OrganizationTrail(stack, "t3", { ...exampleOrg, cloudWatchLogs: {}, snsTopic: { alarmNamePrefix: "cis-" }, kmsKeyArn: second.kmsKeyArn });
  expect(error(alarmsToo)).toMatch(/OrganizationTrail "t3": 1 invalid prop\n  - snsTopic\.alarmNamePrefix: must be the same as LogArchive "second"'s, whose key the trail uses: its key policy does not let CloudWatch alarms encrypt for the topic$/);
  // The same log group, the topic under its own key, which the trail's topic policy admits no alarm to publish to.
  const ok = trail("t4", { cloudWatchLogs: {}, snsTopic: { kmsKeyArn: ALARM_KEY } });
  expect(error(() => new TrailAlarms(stack, "alarms", { ...exampleOrg, topicArn: ok.snsTopicArn! }))).toMatch(
    /- topicArn: is OrganizationTrail "t4"'s topic, whose policy admits no CloudWatch alarm: give that OrganizationTrail and its LogArchive snsTopic\.alarmNamePrefix "org-trail-" \(this namePrefix\)/,
  );
});

test("a trail's topic under the user's own key (a reference): the archive's key policy admits the log group only; alarms of the admitted prefix notify the topic", () => {
  const stack = userStack("lib-own-key");
  const topicKey = new KmsKey(stack, "topic-key", { description: "the app's topic key" });
  const delivery = { cloudWatchLogs: {}, snsTopic: { kmsKeyArn: topicKey.arn, alarmNamePrefix: "org-trail-" } };
  const archive = new LogArchive(stack, "archive", { ...location, ...delivery });
  const trail = new OrganizationTrail(stack, "trail", { ...exampleOrg, ...delivery, kmsKeyArn: archive.kmsKeyArn, dependsOn: archive.readyForTrail });
  new TrailAlarms(stack, "alarms", { ...exampleOrg, logGroupName: trail.logGroupName, topicArn: trail.snsTopicArn!, dependsOn: trail.readyForAlarms });
  const tf = synthOf(stack);
  const sids = JSON.parse(under(tf, "aws_kms_key", "archive")[0].policy).Statement.map((s: { Sid: string }) => s.Sid);
  expect(sids).toContain("CloudWatchLogsEncryptTrailEvents");
  expect(sids).not.toContain("CloudTrailEncryptNotifications");
  expect(sids).not.toContain("CloudWatchAlarmsEncryptNotifications");
  expect(under(tf, "aws_sns_topic", "trail")[0].kms_master_key_id).toBe("${aws_kms_key.topic-key.arn}");
  expect(under(tf, "aws_cloudwatch_metric_alarm", "alarms")[0].alarm_actions).toEqual([trail.snsTopicArn]);
});

test("OrganizationTrail takes the trail's event selectors and Insights, as the deploy stack renders them", () => {
  const trail = { dataEvents: { s3Objects: [{ bucketName: "acme-data", prefix: "exports/" }] }, managementEvents: { excludeEventSources: ["kms.amazonaws.com"] }, insights: ["ApiErrorRateInsight" as const] };
  const deployed = deployStack(parseConfig({ ...X, trail: { ...X.trail, ...trail } })) as unknown as { resource: Resources };
  const stack = userStack("lib-selectors");
  new OrganizationTrail(stack, "trail", { ...exampleOrg, kmsKeyArn: "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab", ...trail });
  const mine = under(synthOf(stack), "aws_cloudtrail", "trail")[0];
  expect(mine.advanced_event_selector).toEqual(deployed.resource.aws_cloudtrail.organization.advanced_event_selector);
  expect(mine.advanced_event_selector.length).toBe(2);
  expect(mine.insight_selector).toEqual([{ insight_type: "ApiErrorRateInsight" }]);
});

test("requiring the package synthesizes nothing and writes nothing", () => {
  const cwd = tempDir("lib-import");
  execFileSync(process.execPath, ["-e", `const lib = require(${JSON.stringify(join(ROOT, "dist", "lib", "index.js"))}); for (const c of ${JSON.stringify(CONSTRUCTS)}) if (typeof lib[c] !== "function") process.exit(3);`], { cwd });
  expect(readdirSync(cwd)).toEqual([]);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  expect(pkg.main).toBe("dist/lib/index.js");
  expect(Object.keys(pkg.peerDependencies).sort()).toEqual(["@cdktf/provider-aws", "cdktf", "constructs"]);
  for (const peer of Object.keys(pkg.peerDependencies)) expect(pkg.dependencies[peer]).toBeUndefined();
});

/**
 * The packed tarball in a scratch cdktf app (fixtures/scratch-app/main.ts): installed from the npm cache, the peers
 * linked from this repository's node_modules (the versions the ranges are tested at), type-checked with the shipped
 * declarations, synthesized with the user's own resources beside two trails (the prod trail delivering to a log
 * group and a topic), reader roles, a third party, the guardrail, operator policies and the CIS alarms on the prod
 * trail's log group and topic, and planned offline.
 */
test("npm pack, install into a scratch cdktf app, tsc, synth and terraform plan offline", () => {
  const work = tempDir("scratch");
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
  const app = join(work, "app");
  mkdirSync(app);
  const peer = (name: string) => `file:${join(ROOT, "node_modules", name)}`;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "scratch-app", private: true, dependencies: { orgtrail: `file:../${tarball}`, cdktf: peer("cdktf"), constructs: peer("constructs"), "@cdktf/provider-aws": peer("@cdktf/provider-aws") } }),
  );
  execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--legacy-peer-deps", "--ignore-scripts"], { cwd: app, stdio: "pipe" });
  for (const f of ["main.ts", "tsconfig.json"]) copyFileSync(join(__dirname, "fixtures", "scratch-app", f), join(app, f));
  execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: app, stdio: "pipe" });
  execFileSync(process.execPath, ["dist/main.js"], { cwd: app, stdio: "pipe" });
  const stackDir = join(app, "cdktf.out", "stacks", "security");
  writeOfflineProviders(stackDir, [undefined]);
  const plan = initAndPlan(stackDir);
  const byType = (type: string) => plan.resources.filter((r) => r.type === type);
  expect(byType("aws_cloudtrail").map((r) => r.values.name).sort()).toEqual(["audit-trail", "prod-trail"]);
  expect(byType("aws_cloudtrail").find((r) => r.values.name === "audit-trail")!.values.s3_key_prefix).toBe("audit");
  // The user's own resources keep the names orgtrail uses for its deploy stack; nothing merges.
  expect(plan.resources.map((r) => r.address)).toEqual(expect.arrayContaining(["aws_s3_bucket.log_archive", "aws_kms_key.cloudtrail"]));
  expect(byType("aws_kms_key")).toHaveLength(3);
  expect(byType("aws_s3_bucket")).toHaveLength(6);
  // Reader roles, the third party, the guardrail and the alarms, planned from the shipped package.
  expect(byType("aws_iam_role").map((r) => r.values.name).sort()).toEqual(["AuditReader", "OrgTrailLogReader-333333333333", "SiemVendor", "prod-trail-cloudwatch-logs"]);
  expect(byType("aws_iam_role").map((r) => r.address.replace(/^.*\[/, "["))).toEqual(expect.arrayContaining(['["333333333333"]', '["444444444444"]', '["SiemVendor"]']));
  expect(byType("aws_iam_role_policy")).toHaveLength(4);
  const [scp] = byType("aws_organizations_policy");
  expect(JSON.parse(scp.values.content as string).Statement[0].Resource).toBe("arn:aws:cloudtrail:eu-west-1:111111111111:trail/prod-trail");
  expect(byType("aws_organizations_policy_attachment").map((r) => r.values.target_id)).toEqual(["ou-ab12-abcd1234"]);
  expect(byType("aws_cloudwatch_metric_alarm")).toHaveLength(13);
  // The prod trail's log group and topic, and the alarms notifying that topic: names and ARNs known at plan time.
  const [group] = byType("aws_cloudwatch_log_group");
  expect([byType("aws_cloudwatch_log_group").length, group.values.name, group.values.retention_in_days, group.values.skip_destroy]).toEqual([1, "/aws/cloudtrail/prod-trail", 731, true]);
  const prodTrail = byType("aws_cloudtrail").find((r) => r.values.name === "prod-trail")!;
  expect([prodTrail.values.cloud_watch_logs_group_arn, prodTrail.values.cloud_watch_logs_role_arn, prodTrail.values.sns_topic_name]).toEqual([
    "arn:aws:logs:eu-west-1:111111111111:log-group:/aws/cloudtrail/prod-trail:*",
    "arn:aws:iam::111111111111:role/prod-trail-cloudwatch-logs",
    "prod-trail-notifications",
  ]);
  expect(byType("aws_cloudtrail").find((r) => r.values.name === "audit-trail")!.values.cloud_watch_logs_group_arn).toBeNull();
  expect(byType("aws_sns_topic").map((r) => r.values.name)).toEqual(["prod-trail-notifications"]);
  expect(byType("aws_cloudwatch_metric_alarm").every((r) => JSON.stringify(r.values.alarm_actions) === '["arn:aws:sns:eu-west-1:111111111111:prod-trail-notifications"]')).toBe(true);
  const topicPolicy = JSON.parse(byType("aws_sns_topic_policy")[0].values.policy as string);
  expect(topicPolicy.Statement.map((x: { Sid: string }) => x.Sid)).toEqual(["CloudTrailPublish", "CloudWatchAlarmsPublish"]);
  const prodKey = byType("aws_kms_key").find((r) => r.address.startsWith("aws_kms_key.prod-archive_"))!;
  const keySids = JSON.parse(prodKey.values.policy as string).Statement.map((x: { Sid: string }) => x.Sid);
  expect(keySids).toEqual(expect.arrayContaining(["CloudWatchLogsEncryptTrailEvents", "CloudTrailEncryptNotifications", "CloudWatchAlarmsEncryptNotifications"]));
  expect(byType("aws_iam_policy").map((r) => r.values.name).sort()).toEqual(["OrgTrailCloudTrailReadOnly", "OrgTrailProtectOrganizationTrail"]);

  // The constructs peer range at both ends that exist (cdktf and @cdktf/provider-aws have one release in theirs):
  // the same app, type-checked and synthesized with constructs 10.4.2 and 10.8.1 in place of the pinned 10.7.2,
  // gives the same Terraform. Node keeps the app's symlinks (--preserve-symlinks), so cdktf, the provider and
  // orgtrail all load the swapped constructs, as they would from a user's own node_modules.
  const pinned = readFileSync(join(stackDir, "cdk.tf.json"), "utf8");
  const range = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).peerDependencies.constructs;
  expect(range).toBe(">=10.4.2 <11.0.0");
  for (const [alias, version] of [["constructs-lowest", "10.4.2"], ["constructs-newest", "10.8.1"]]) {
    rmSync(join(app, "node_modules", "constructs"), { recursive: true, force: true });
    symlinkSync(join(ROOT, "node_modules", alias), join(app, "node_modules", "constructs"));
    rmSync(join(app, "cdktf.out"), { recursive: true, force: true });
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--preserveSymlinks"], { cwd: app, stdio: "pipe" });
    const node = (args: string[]) => execFileSync(process.execPath, ["--preserve-symlinks", "--preserve-symlinks-main", ...args], { cwd: app, encoding: "utf8" });
    const loaded = node(["-e", 'const { createRequire } = require("module"); const v = (from) => createRequire(require.resolve(from))("constructs/package.json").version; console.log([v("cdktf"), v("@cdktf/provider-aws"), v("orgtrail/lib")].join(" "))']);
    expect(loaded.trim()).toBe(`${version} ${version} ${version}`);
    node(["dist/main.js"]);
    expect(readFileSync(join(stackDir, "cdk.tf.json"), "utf8")).toBe(pinned);
  }
}, 240_000);
