import { readdirSync } from "node:fs";
import { join } from "node:path";
import { unescapeTemplate } from "../modules/shared/hcl";
import { policiesOf } from "../stacks/policy-sizes";
import { config, deployStack, readTf, synthTo, type TfJson } from "./helpers/synth";

const MGMT = "111111111111";
const ADMIN = "333333333333";
const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const res = (tf: TfJson, type: string, name: string) => {
  const r = tf.resource[type]?.[name];
  if (!r) throw new Error(`no ${type}.${name}; have ${Object.keys(tf.resource).join(", ")}`);
  return r as Record<string, any>;
};
const policyText = (r: Record<string, unknown>, attribute = "policy") => JSON.parse(unescapeTemplate(r[attribute] as string));
const doc = (c: ReturnType<typeof config>, name: string) => policiesOf(c).find((p) => p.name === name)!.document;

describe("deploy stack: delegated administrator, CloudWatch Logs, SNS, selectors, Insights", () => {
  const c = config({
    organization: { delegatedAdminAccountId: ADMIN },
    logArchive: { accountId: "222222222222" },
    trail: { cloudWatchLogs: { retentionDays: 90 }, snsTopic: {}, managementEvents: { excludeEventSources: ["kms.amazonaws.com"] }, insights: ["ApiCallRateInsight"] },
  });
  const tf = deployStack(c);

  test("the management account registers the delegated administrator through CloudTrail", () => {
    expect(res(tf, "aws_cloudtrail_organization_delegated_admin_account", "trail_admin")).toEqual({ account_id: ADMIN, provider: "aws" });
  });

  test("the delegated administrator's provider creates the trail and its delivery targets; the log archive stays with its own", () => {
    expect(tf.provider!.aws.map((p) => [p.alias ?? "aws", p.allowed_account_ids])).toEqual([["aws", [MGMT]], ["log_archive", ["222222222222"]], ["delegated_admin", [ADMIN]]]);
    for (const [type, name] of [["aws_cloudtrail", "organization"], ["aws_cloudwatch_log_group", "cloudtrail"], ["aws_iam_role", "cloudtrail_cloudwatch_logs"], ["aws_iam_role_policy", "cloudtrail_cloudwatch_logs"], ["aws_sns_topic", "cloudtrail_notifications"], ["aws_sns_topic_policy", "cloudtrail_notifications"]]) {
      expect({ type, provider: res(tf, type, name).provider }).toEqual({ type, provider: "aws.delegated_admin" });
    }
    expect(res(tf, "aws_kms_key", "cloudtrail").provider).toBe("aws.log_archive");
  });

  test("the trail waits for the registration, the bucket and key policies, the log group, the role's permissions and the topic policy", () => {
    expect(res(tf, "aws_cloudtrail", "organization").depends_on).toEqual([
      "aws_s3_bucket_policy.log_archive",
      "aws_kms_key.cloudtrail",
      "aws_cloudtrail_organization_delegated_admin_account.trail_admin",
      "aws_cloudwatch_log_group.cloudtrail",
      "aws_iam_role_policy.cloudtrail_cloudwatch_logs",
      "aws_sns_topic_policy.cloudtrail_notifications",
    ]);
    expect(res(tf, "aws_cloudwatch_log_group", "cloudtrail").depends_on).toEqual(["aws_kms_key.cloudtrail"]);
    expect(res(tf, "aws_sns_topic", "cloudtrail_notifications").depends_on).toEqual(["aws_kms_key.cloudtrail"]);
  });

  test("the trail delivers to the log group (ARN with :*), through the role, and notifies the topic; ARNs are literal", () => {
    expect(res(tf, "aws_cloudtrail", "organization")).toMatchObject({
      cloud_watch_logs_group_arn: `arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/cloudtrail/org-trail:*`,
      cloud_watch_logs_role_arn: `arn:aws:iam::${ADMIN}:role/org-trail-cloudwatch-logs`,
      // The topic's name, not its ARN: hashicorp/aws reads the name back for a topic of the trail's own account and
      // region (an ARN gives a diff in every plan). The name only holds because the topic is created by the trail's
      // provider.
      sns_topic_name: "org-trail-notifications",
      insight_selector: [{ insight_type: "ApiCallRateInsight" }],
    });
    expect(res(tf, "aws_sns_topic", "cloudtrail_notifications").provider).toBe(res(tf, "aws_cloudtrail", "organization").provider);
    expect(res(tf, "aws_cloudtrail", "organization").advanced_event_selector).toEqual([
      { name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }, { field: "eventSource", not_equals: ["kms.amazonaws.com"] }] },
    ]);
  });

  test("the log group is encrypted with the trail key and kept 90 days; the topic is encrypted with the trail key", () => {
    expect(res(tf, "aws_cloudwatch_log_group", "cloudtrail")).toMatchObject({ name: "/aws/cloudtrail/org-trail", retention_in_days: 90, kms_key_id: "${aws_kms_key.cloudtrail.arn}" });
    expect(res(tf, "aws_sns_topic", "cloudtrail_notifications")).toMatchObject({ name: "org-trail-notifications", kms_master_key_id: "${aws_kms_key.cloudtrail.arn}" });
  });

  test("the synthesized documents are exactly the builders'", () => {
    expect(policyText(res(tf, "aws_iam_role", "cloudtrail_cloudwatch_logs"), "assume_role_policy")).toEqual(doc(c, "CloudWatch Logs delivery role trust policy"));
    expect(policyText(res(tf, "aws_iam_role_policy", "cloudtrail_cloudwatch_logs"))).toEqual(doc(c, "CloudWatch Logs delivery role policy"));
    expect(policyText(res(tf, "aws_sns_topic_policy", "cloudtrail_notifications"))).toEqual(doc(c, "SNS topic policy"));
    expect(policyText(res(tf, "aws_kms_key", "cloudtrail"))).toEqual(doc(c, "trail KMS key policy"));
  });

  test("outputs: the management trail ARN, the admin, the log group and the topic", () => {
    expect(tf.output!.trail_arn.value).toBe(TRAIL);
    expect(tf.output!.delegated_admin_account_id.value).toBe(ADMIN);
    expect(tf.output!.cloud_watch_logs_group_arn.value).toBe(`arn:aws:logs:us-east-1:${ADMIN}:log-group:/aws/cloudtrail/org-trail`);
    expect(tf.output!.sns_topic_arn.value).toBe(`arn:aws:sns:us-east-1:${ADMIN}:org-trail-notifications`);
  });

  test("a key of their own for the log group and topic: used as given, and the trail key policy does not name them", () => {
    const own = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    const t = deployStack(config({ trail: { cloudWatchLogs: { kmsKey: own }, snsTopic: { kmsKey: own } } }));
    expect(res(t, "aws_cloudwatch_log_group", "cloudtrail").kms_key_id).toBe(own);
    expect(res(t, "aws_sns_topic", "cloudtrail_notifications").kms_master_key_id).toBe(own);
    expect(res(t, "aws_cloudwatch_log_group", "cloudtrail").depends_on).toEqual(["aws_kms_key.cloudtrail"]);
    expect(JSON.stringify(policyText(res(t, "aws_kms_key", "cloudtrail")))).not.toMatch(/aws:logs:arn|aws:sns:topicArn/);
  });
});

describe("deploy stack: defaults add nothing", () => {
  const tf = deployStack(config());
  test("no registration, no delivery targets, no selectors, no Insights, trail on the management provider", () => {
    for (const t of ["aws_cloudtrail_organization_delegated_admin_account", "aws_cloudwatch_log_group", "aws_iam_role", "aws_iam_role_policy", "aws_sns_topic", "aws_sns_topic_policy"]) expect(tf.resource[t]).toBeUndefined();
    const trail = res(tf, "aws_cloudtrail", "organization");
    for (const k of ["advanced_event_selector", "event_selector", "insight_selector", "cloud_watch_logs_group_arn", "sns_topic_name", "provider"]) expect({ k, v: trail[k] }).toEqual({ k, v: undefined });
  });
});

describe("deploy stack: backend and per-account providers", () => {
  test("S3 backend: encrypted, S3-native locking (so Terraform >= 1.10), key defaulting per stack, region defaulting to home", () => {
    const tf = deployStack(config({ deployment: { backend: { type: "s3", bucket: "example-org-terraform-state" } } }));
    expect(tf.terraform.backend).toEqual({ s3: { bucket: "example-org-terraform-state", key: "orgtrail/org-cloudtrail.tfstate", region: "us-east-1", encrypt: true, use_lockfile: true } });
    expect(tf.terraform.required_version).toBe(">= 1.10");
  });

  test("S3 backend with a key, a KMS key, a role and DynamoDB-free locking turned off", () => {
    const tf = deployStack(
      config({
        deployment: {
          backend: { type: "s3", bucket: "state-bucket", key: "security/trail.tfstate", region: "eu-west-1", kmsKeyId: "arn:aws:kms:eu-west-1:111111111111:key/k", useLockfile: false, roleArn: "arn:aws:iam::111111111111:role/TerraformState" },
        },
      }),
    );
    expect(tf.terraform.backend).toEqual({
      s3: { bucket: "state-bucket", key: "security/trail.tfstate", region: "eu-west-1", encrypt: true, kms_key_id: "arn:aws:kms:eu-west-1:111111111111:key/k", assume_role: { role_arn: "arn:aws:iam::111111111111:role/TerraformState" } },
    });
    expect(tf.terraform.required_version).toBe(">= 1.5");
  });

  test("local backend with a path", () => {
    expect(deployStack(config({ deployment: { backend: { type: "local", path: "state/trail.tfstate" } } })).terraform.backend).toEqual({ local: { path: "state/trail.tfstate" } });
  });

  test("per-account profile, assumed role and default tags merged over the top-level tags", () => {
    const tf = deployStack(
      config({
        organization: { delegatedAdminAccountId: ADMIN },
        logArchive: { accountId: "222222222222" },
        tags: { team: "platform" },
        deployment: {
          accounts: {
            management: { profile: "org-management" },
            logArchive: { assumeRoleArn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", externalId: "orgtrail-ext", defaultTags: { account: "log-archive", team: "logs" } },
            delegatedAdmin: { assumeRoleArn: `arn:aws:iam::${ADMIN}:role/OrganizationAccountAccessRole`, sessionName: "orgtrail" },
          },
        },
      }),
    );
    const [m, l, a] = tf.provider!.aws;
    expect(m).toMatchObject({ profile: "org-management", default_tags: [{ tags: { team: "platform" } }] });
    expect(m.assume_role).toBeUndefined();
    expect(l).toMatchObject({ assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", external_id: "orgtrail-ext" }], default_tags: [{ tags: { team: "logs", account: "log-archive" } }] });
    expect(a).toMatchObject({ alias: "delegated_admin", assume_role: [{ role_arn: `arn:aws:iam::${ADMIN}:role/OrganizationAccountAccessRole`, session_name: "orgtrail" }] });
  });
});

describe("vendorable modules: the operations as variables", () => {
  const out = synthTo(config());
  const load = (name: string) => {
    const merged: Record<string, any> = {};
    for (const f of readdirSync(join(out, "modules", name)).filter((x) => x.endsWith(".tf.json"))) Object.assign(merged, readTf(join(out, "modules", name, f)));
    return merged as TfJson;
  };
  const trail = load("organization-trail");
  const archive = load("log-archive");

  test("organization-trail: every option off by default, delivery resources counted on their switch", () => {
    const v = trail.variable!;
    expect(v.cloud_watch_logs_enabled.default).toBe(false);
    expect(v.sns_topic_enabled.default).toBe(false);
    expect(v.insight_types.default).toEqual([]);
    expect(v.management_events_enabled.default).toBe(true);
    for (const [type, name, on] of [["aws_cloudwatch_log_group", "cloudtrail", "cloud_watch_logs_enabled"], ["aws_iam_role", "cloudtrail_cloudwatch_logs", "cloud_watch_logs_enabled"], ["aws_iam_role_policy", "cloudtrail_cloudwatch_logs", "cloud_watch_logs_enabled"], ["aws_sns_topic", "cloudtrail_notifications", "sns_topic_enabled"], ["aws_sns_topic_policy", "cloudtrail_notifications", "sns_topic_enabled"]]) {
      expect({ type, count: res(trail, type, name).count }).toEqual({ type, count: `\${var.${on} ? 1 : 0}` });
    }
  });

  test("organization-trail: selectors and Insights are dynamic blocks; cross-variable rules are preconditions", () => {
    const t = res(trail, "aws_cloudtrail", "organization");
    expect(t.dynamic.advanced_event_selector.for_each).toBe("${local.event_selectors}");
    expect(t.dynamic.insight_selector).toEqual({ for_each: "${var.insight_types}", content: { insight_type: "${insight_selector.value}" } });
    expect(t.lifecycle.precondition.map((p: { error_message: string }) => p.error_message.split(" ")[0])).toEqual([
      "management_account_id",
      "delegated_admin_account_id",
      "cloud_watch_logs_role_name",
      "management_events_enabled",
      "insight_types",
      "insight_types",
      "data_events_s3",
      // The wiring to the log archive (log_archive = module.log_archive.trail_wiring).
      "trail_name",
      "trail_home_region",
      "management_account_id",
      "bucket_name",
      "s3_key_prefix",
      "kms_key_arn",
    ]);
    expect(trail.output!.cloud_watch_logs_group_arn.description).toMatch(/log-archive module/);
  });

  test("log-archive: the key's delivery statements are switched by their optional inputs", () => {
    for (const n of ["cloud_watch_logs_group_arn", "sns_topic_arn", "delegated_admin_account_id"]) expect({ n, default: archive.variable![n].default }).toEqual({ n, default: null });
    // The policy lives in a local that the key and its size precondition both read.
    expect(res(archive, "aws_kms_key", "cloudtrail").policy).toBe("${local.cloudtrail_key_policy}");
    const policy = (archive.locals as Record<string, string>).cloudtrail_key_policy;
    expect(policy).toContain("if var.cloud_watch_logs_group_arn != null");
    expect(policy).toContain("if var.sns_topic_arn != null");
    expect(policy).toContain("flatten([for admin in [var.delegated_admin_account_id]");
  });
});
