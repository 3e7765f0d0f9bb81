import { config, deployStack } from "./helpers/synth";

/** How the deploy stack places the access resources (the terraform-access suite plans them). */
const ACCESS_TYPES = ["aws_iam_role", "aws_iam_role_policy", "aws_iam_policy", "aws_organizations_policy", "aws_organizations_policy_attachment"];

describe("deploy stack access resources", () => {
  test("none without access sections, and no access outputs", () => {
    const tf = deployStack(config());
    expect(ACCESS_TYPES.filter((t) => tf.resource[t])).toEqual([]);
    expect(Object.keys(tf.output ?? {}).filter((o) => o.includes("role"))).toEqual([]);
  });

  test("with one account, reader roles use the management account's provider; the for_each map carries each member's settings", () => {
    const tf = deployStack(config({ memberRoles: [{ accountId: "333333333333", requireMfa: true }, { accountId: "444444444444", roleName: "AuditReader", maxSessionDurationSeconds: 7200 }] } as never));
    const role = tf.resource.aws_iam_role.member_reader;
    expect(role.provider).toBeUndefined();
    expect(role.for_each).toEqual({
      "333333333333": { role_name: "OrgTrailLogReader-333333333333", require_mfa: true, max_session_duration_seconds: 3600 },
      "444444444444": { role_name: "AuditReader", require_mfa: false, max_session_duration_seconds: 7200 },
    });
    expect(tf.resource.aws_iam_role_policy.member_reader.for_each).toEqual(role.for_each);
    expect(Object.keys(tf.output!)).toContain("member_reader_role_arns");
  });

  test("only the user policies asked for; the SCP attached once per target", () => {
    const tf = deployStack(config({ userPolicies: { readOnly: false }, trailGuardrail: { targetIds: ["r-ab12", "ou-ab12-abcd1234"] } } as never));
    expect(Object.keys(tf.resource.aws_iam_policy).sort()).toEqual(["cloudtrail_administration", "protect_organization_trail"]);
    expect(tf.resource.aws_organizations_policy_attachment.trail_guardrail.for_each).toBe('${toset(["r-ab12","ou-ab12-abcd1234"])}');
  });

  test("every policy has a name of its own: the SCP is not named like the protect-trail IAM policy", () => {
    const tf = deployStack(config({ userPolicies: {}, trailGuardrail: { targetIds: ["r-ab12"] } } as never));
    const names = [...Object.values(tf.resource.aws_iam_policy), ...Object.values(tf.resource.aws_organizations_policy)].map((p) => p.name);
    expect(names).toEqual(["OrgTrailCloudTrailReadOnly", "OrgTrailCloudTrailAdministration", "OrgTrailProtectOrganizationTrail", "OrgTrailTrailGuardrail"]);
  });
});
