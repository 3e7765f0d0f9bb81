import type { Config } from "../../config/schema";
import { config, deployStack } from "../../__tests__/helpers/synth";

/**
 * The guardrail in the deploy stack (defect 1 of issue 13: ordering after the trail). Apart from the policy proofs
 * beside it because it synthesizes a stack (seconds), which `npm run mutate` leaves out.
 */

const ARCHIVE = "222222222222";
const ADMIN_ACCOUNT = "555555555555";
const ADMIN_DEPLOY = `arn:aws:iam::${ADMIN_ACCOUNT}:role/deploy/OrgTrailDeploy`;
const ARCHIVE_DEPLOY = `arn:aws:iam::${ARCHIVE}:role/OrgTrailDeploy`;

const guarded = (over: Record<string, unknown> = {}): Config =>
  config({
    organization: { delegatedAdminAccountId: ADMIN_ACCOUNT },
    logArchive: { accountId: ARCHIVE },
    deployment: { accounts: { delegatedAdmin: { assumeRoleArn: ADMIN_DEPLOY }, logArchive: { assumeRoleArn: ARCHIVE_DEPLOY } } },
    trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [`arn:aws:iam::${ARCHIVE}:role/break-glass/*`] },
    ...over,
  } as never);

describe("defect 1: the guardrail never locks out the role that deploys the trail", () => {
  test("the SCP's attachments depend on the trail, so selectors and Insights are set before it applies and the trail is destroyed first", () => {
    const tf = deployStack(guarded({ trail: { insights: ["ApiCallRateInsight"] } }));
    const attachment = tf.resource.aws_organizations_policy_attachment.trail_guardrail;
    const trail = Object.keys(tf.resource.aws_cloudtrail)[0];
    expect(attachment.depends_on).toEqual([`aws_cloudtrail.${trail}`]);
  });

});

describe("data perimeter RCP", () => {
  const c = guarded({ trailGuardrail: { targetIds: ["r-ab12"], dataPerimeter: true } });
  test("is attached to the guardrail's targets after the trail, only when asked for", () => {
    const tf = deployStack(c);
    expect(tf.resource.aws_organizations_policy.data_perimeter).toMatchObject({ type: "RESOURCE_CONTROL_POLICY", name: "OrgTrailDataPerimeter" });
    expect(tf.resource.aws_organizations_policy_attachment.data_perimeter).toMatchObject({ for_each: expect.stringContaining("r-ab12"), depends_on: [expect.stringMatching(/^aws_cloudtrail\./)] });
    const without = deployStack(config({ logArchive: { accountId: ARCHIVE }, trailGuardrail: { targetIds: ["r-ab12"], protectArchive: false } }));
    expect(without.resource.aws_organizations_policy.data_perimeter).toBeUndefined();
  });

});
