import { ConfigError, parseConfig } from "../../config/load";
import type { Config } from "../../config/schema";
import { policiesOf } from "../../stacks/policy-sizes";
import { assertWithinLimits, measure, PolicyTooLargeError } from "../shared/limits";
import { evaluate, role, service, type Organization, type PolicyJson, type Principal } from "../../__tests__/helpers/oracle";
import { config, exampleWith } from "../../__tests__/helpers/config";
import { MAX_EXEMPT_PRINCIPALS } from "./config";
import { largestGuardrail } from "./readme";

/**
 * The guardrail SCP proven with the IAM simulator: the defects of the security review (issue 13) each have a test
 * here, named after what it proves.
 */

const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const A = "333333333333";
const ADMIN_ACCOUNT = "555555555555";
const org: Organization = { orgId: "o-exampleorgid", managementAccountId: MGMT, logArchiveAccountId: ARCHIVE, members: [A, ADMIN_ACCOUNT] };

const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;
const BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs";
const TRAIL_KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const OTHER_KEY = `arn:aws:kms:us-east-1:${ARCHIVE}:key/9999abcd-12ab-34cd-56ef-1234567890ab`;
const LOG = `${BUCKET}/AWSLogs/o-exampleorgid/${A}/CloudTrail/us-east-1/2025/01/01/${A}_CloudTrail_us-east-1_x.json.gz`;
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

const scpOf = (c: Config): PolicyJson => policiesOf(c).find((p) => p.kind === "scp")!.document as unknown as PolicyJson;
// Built inside each test, not at load: mutation testing's per-test coverage must see which tests read it.
const scp = () => scpOf(guarded());
/** A key policy that delegates the key to its account's IAM policies, as the trail key's does. */
const KEY_POLICY: PolicyJson = { Version: "2012-10-17", Statement: [{ Sid: "Account", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ARCHIVE}:root` }, Action: "kms:*", Resource: "*" }] };
const FULL: PolicyJson = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] };

/** A request by a principal whose own account allows it everything, so that only the SCP decides. */
const ask = (principal: Principal & { kind: "role" }, action: string, resource: string, opts: { scps?: PolicyJson[]; extra?: Record<string, string | string[]>; resourceAccount?: string } = {}) =>
  evaluate(
    org,
    { principal, action, resource, resourceAccount: opts.resourceAccount ?? principal.account, context: { extra: opts.extra } },
    { identityPolicies: [FULL], scps: opts.scps ?? [scp()], ...(resource.includes(":kms:") && resource.includes(":key/") ? { keyPolicy: KEY_POLICY } : {}) },
  );
const onKey = (principal: Principal & { kind: "role" }, action: string, key = TRAIL_KEY, aliases = ["alias/orgtrail-cloudtrail"]) =>
  ask(principal, action, key, { extra: { "kms:ResourceAliases": aliases } });

const TAMPERING = ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors", "cloudtrail:PutInsightSelectors"];

describe("defect 1: the guardrail never locks out the role that deploys the trail", () => {
  test("the delegated administrator's deploying role (exempted from deployment.accounts) may manage the trail; other admins there may not", async () => {
    for (const action of TAMPERING) {
      expect([action, await ask(role(ADMIN_ACCOUNT, "deploy/OrgTrailDeploy"), action, TRAIL)]).toEqual([action, "Allowed"]);
      expect([action, await ask(role(ADMIN_ACCOUNT, "Admin"), action, TRAIL)]).toEqual([action, "ExplicitlyDenied"]);
    }
  });

  test("a delegated administrator the targets cover, without an exempt deploying role, is refused with the reason", () => {
    const input = exampleWith({ organization: { delegatedAdminAccountId: ADMIN_ACCOUNT }, trailGuardrail: { targetIds: ["r-ab12"] } } as never);
    let error: ConfigError | undefined;
    try {
      parseConfig(input);
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      expect.objectContaining({ path: "trailGuardrail.exemptPrincipalArns", message: expect.stringMatching(/must exempt the role that deploys into account 555555555555: .*delegated administrator.*deployment\.accounts\.delegatedAdmin\.assumeRoleArn/) }),
    ]);
    // Listing a role of that account, or targets that cannot hold it, is accepted.
    expect(() => parseConfig(exampleWith({ organization: { delegatedAdminAccountId: ADMIN_ACCOUNT }, trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [ADMIN_DEPLOY] } } as never))).not.toThrow();
    expect(() => parseConfig(exampleWith({ organization: { delegatedAdminAccountId: ADMIN_ACCOUNT }, trailGuardrail: { targetIds: [A] } } as never))).not.toThrow();
  });

  test("with archive protection, a separate log-archive account needs its deploying role exempt too", () => {
    const refused = () => parseConfig(exampleWith({ logArchive: { accountId: ARCHIVE }, trailGuardrail: { targetIds: ["ou-ab12-abcd1234"] } } as never));
    expect(refused).toThrow(/must exempt the role that deploys into account 222222222222: the deploy stack manages the archive bucket and key/);
    expect(() => parseConfig(exampleWith({ logArchive: { accountId: ARCHIVE }, trailGuardrail: { targetIds: ["ou-ab12-abcd1234"], protectArchive: false } } as never))).not.toThrow();
    const exempt = scpOf(config({ logArchive: { accountId: ARCHIVE }, deployment: { accounts: { logArchive: { assumeRoleArn: ARCHIVE_DEPLOY } } }, trailGuardrail: { targetIds: ["r-ab12"] } } as never));
    expect(JSON.stringify(exempt)).toContain(ARCHIVE_DEPLOY);
  });
});

describe("defect 2: no targeted account can exempt itself", () => {
  test("a role named like an exempt role in another account, or on another path, is denied", async () => {
    expect(await ask(role(A, "deploy/OrgTrailDeploy"), "cloudtrail:StopLogging", TRAIL)).toBe("ExplicitlyDenied");
    expect(await ask(role(A, "OrgTrailDeploy"), "cloudtrail:StopLogging", TRAIL)).toBe("ExplicitlyDenied");
    expect(await ask(role(ADMIN_ACCOUNT, "OrgTrailDeploy"), "cloudtrail:StopLogging", TRAIL)).toBe("ExplicitlyDenied");
    expect(await ask(role(A, "break-glass/oncall"), "cloudtrail:StopLogging", TRAIL)).toBe("ExplicitlyDenied");
    expect(await ask(role(ARCHIVE, "break-glass/oncall"), "cloudtrail:StopLogging", TRAIL)).toBe("Allowed");
    expect(await ask(role(ARCHIVE, "break-glass-oncall"), "cloudtrail:StopLogging", TRAIL)).toBe("ExplicitlyDenied");
  });

  test("nobody else in the exempt roles' accounts may create, re-policy, tag or pass them", async () => {
    const actions = ["iam:CreateRole", "iam:UpdateAssumeRolePolicy", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:DeleteRolePermissionsBoundary", "iam:TagRole", "iam:PassRole", "iam:DeleteRole"];
    for (const action of actions) {
      expect([action, await ask(role(ARCHIVE, "Admin"), action, ARCHIVE_DEPLOY)]).toEqual([action, "ExplicitlyDenied"]);
      expect([action, await ask(role(ARCHIVE, "Admin"), action, `arn:aws:iam::${ARCHIVE}:role/break-glass/new`)]).toEqual([action, "ExplicitlyDenied"]);
      expect([action, await ask(role(ADMIN_ACCOUNT, "Admin"), action, ADMIN_DEPLOY)]).toEqual([action, "ExplicitlyDenied"]);
    }
    // Other roles stay theirs to manage, and the exempt roles may manage each other.
    expect(await ask(role(ARCHIVE, "Admin"), "iam:CreateRole", `arn:aws:iam::${ARCHIVE}:role/LogReader`)).toBe("Allowed");
    expect(await ask(role(ARCHIVE, "Admin"), "iam:CreateRole", `arn:aws:iam::${ARCHIVE}:role/other/break-glass`)).toBe("Allowed");
    expect(await ask(role(ARCHIVE, "OrgTrailDeploy"), "iam:CreateRole", `arn:aws:iam::${ARCHIVE}:role/break-glass/new`)).toBe("Allowed");
  });

  test("name-only break glass is refused with a message saying why and what replaces it", () => {
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: ["r-ab12"], breakGlassRoleName: "BreakGlass" } } as never))).toThrow(
      /trailGuardrail\.breakGlassRoleName: was removed: a role name exempts a role of that name in every account.*trailGuardrail\.exemptPrincipalArns/,
    );
  });

  test.each([
    ["a wildcard account", "arn:aws:iam::*:role/BreakGlass"],
    ["a wildcard name without a path", "arn:aws:iam::222222222222:role/*"],
    ["a wildcard inside a name", "arn:aws:iam::222222222222:role/Break*"],
    ["a wildcard path", "arn:aws:iam::222222222222:role/*/BreakGlass"],
    ["an assumed-role session", "arn:aws:sts::222222222222:assumed-role/BreakGlass/me"],
    ["a user", "arn:aws:iam::222222222222:user/admin"],
  ])("an exemption that is not an exact role (%s) is refused", (_, arn) => {
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: [A], exemptPrincipalArns: [arn] } } as never))).toThrow(/trailGuardrail\.exemptPrincipalArns\.0: must be the full ARN of a role in one account/);
  });

  test("more than the SCP can hold is refused with the reason", () => {
    const four = [1, 2, 3, 4].map((i) => `arn:aws:iam::${ARCHIVE}:role/BreakGlass${i}`);
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: [A], exemptPrincipalArns: four } } as never))).toThrow(/exemptPrincipalArns: must name at most 3 roles: each is repeated in every statement of the SCP/);
  });

  test("an exemption in another partition is refused", () => {
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: [A], exemptPrincipalArns: ["arn:aws-cn:iam::222222222222:role/BreakGlass"] } } as never))).toThrow(/must be in the organization's partition aws/);
  });
});

describe("defect 5: a member-account administrator cannot stop delivery or delete logs", () => {
  const admin = role(ARCHIVE, "Admin");
  const BUCKET_ACTIONS = ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketOwnershipControls", "s3:PutBucketPublicAccessBlock", "s3:PutBucketVersioning", "s3:PutEncryptionConfiguration", "s3:PutLifecycleConfiguration", "s3:PutBucketLogging", "s3:PutBucketObjectLockConfiguration", "s3:DeleteBucket"];

  test("the log-archive account's administrator cannot change the bucket's policy or settings, delete it, or delete log objects and versions", async () => {
    for (const action of BUCKET_ACTIONS) expect([action, await ask(admin, action, BUCKET)]).toEqual([action, "ExplicitlyDenied"]);
    for (const action of ["s3:DeleteObject", "s3:DeleteObjectVersion", "s3:BypassGovernanceRetention"]) expect([action, await ask(admin, action, LOG)]).toEqual([action, "ExplicitlyDenied"]);
    // Reading stays theirs; other buckets too.
    expect(await ask(admin, "s3:GetObject", LOG)).toBe("Allowed");
    expect(await ask(admin, "s3:PutBucketPolicy", "arn:aws:s3:::another-bucket")).toBe("Allowed");
  });

  test("nor disable, schedule for deletion, re-policy or grant the trail key (a created key, matched by its alias), nor move its alias", async () => {
    for (const action of ["kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion", "kms:CreateGrant", "kms:DisableKeyRotation"]) {
      expect([action, await onKey(admin, action)]).toEqual([action, "ExplicitlyDenied"]);
      expect([action, await onKey(admin, action, OTHER_KEY, ["alias/another"])]).toEqual([action, "Allowed"]);
      expect([action, await onKey(role(ARCHIVE, "OrgTrailDeploy"), action)]).toEqual([action, "Allowed"]);
    }
    const alias = `arn:aws:kms:us-east-1:${ARCHIVE}:alias/orgtrail-cloudtrail`;
    for (const action of ["kms:DeleteAlias", "kms:UpdateAlias"]) expect([action, await ask(admin, action, alias)]).toEqual([action, "ExplicitlyDenied"]);
  });

  test("a brought key is protected by its ARN", async () => {
    const brought = scpOf(guarded({ encryption: { kmsKey: TRAIL_KEY } }));
    expect(await ask(admin, "kms:DisableKey", TRAIL_KEY, { scps: [brought] })).toBe("ExplicitlyDenied");
    expect(await ask(admin, "kms:DisableKey", OTHER_KEY, { scps: [brought] })).toBe("Allowed");
  });

  test("the exempt principals keep every change, CloudTrail keeps writing, and protectArchive: false leaves the archive alone", async () => {
    expect(await ask(role(ARCHIVE, "OrgTrailDeploy"), "s3:PutBucketPolicy", BUCKET)).toBe("Allowed");
    expect(await ask(role(ARCHIVE, "break-glass/oncall"), "s3:DeleteObject", LOG)).toBe("Allowed");
    const write = await evaluate(org, { principal: service("cloudtrail.amazonaws.com", TRAIL), action: "s3:PutObject", resource: LOG, context: { s3Acl: "bucket-owner-full-control" } }, { scps: [scp()], resourcePolicy: policiesOf(guarded()).find((p) => p.name === "log archive bucket policy")!.document as unknown as PolicyJson });
    expect(write).toBe("Allowed");
    const off = scpOf(guarded({ trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [], protectArchive: false } }));
    expect(await ask(admin, "s3:PutBucketPolicy", BUCKET, { scps: [off] })).toBe("Allowed");
    expect(await onKey(admin, "kms:DisableKey", TRAIL_KEY, ["alias/orgtrail-cloudtrail"])).toBe("ExplicitlyDenied");
    expect(await ask(admin, "kms:DisableKey", TRAIL_KEY, { scps: [off], extra: { "kms:ResourceAliases": ["alias/orgtrail-cloudtrail"] } })).toBe("Allowed");
  });
});

describe("what the guardrail leaves alone", () => {
  test("members' own trails and reads of the organization trail", async () => {
    expect(await ask(role(A, "Admin"), "cloudtrail:StopLogging", `arn:aws:cloudtrail:us-east-1:${A}:trail/member-trail`)).toBe("Allowed");
    expect(await ask(role(A, "Admin"), "cloudtrail:GetTrailStatus", TRAIL)).toBe("Allowed");
  });
});

describe("what an SCP cannot do", () => {
  test("the management account is never affected, and never a target", async () => {
    expect(await ask(role(MGMT, "Admin"), "cloudtrail:StopLogging", TRAIL)).toBe("Allowed");
    expect(await ask(role(MGMT, "Admin"), "s3:PutBucketPolicy", BUCKET)).toBe("Allowed");
    expect(() => parseConfig(exampleWith({ trailGuardrail: { targetIds: [MGMT] } } as never))).toThrow(/must not be the management account/);
  });

  test("without exemptions, every principal of a targeted account is denied and no role statement is emitted", async () => {
    const none = scpOf(config({ trailGuardrail: { targetIds: [A] } }));
    expect((none.Statement as { Sid: string; Condition?: unknown }[]).map((s) => [s.Sid, s.Condition === undefined || JSON.stringify(s.Condition).includes("ResourceAliases")])).toEqual([
      ["DenyOrganizationTrailChanges", true],
      ["DenyArchiveChanges", true],
      ["DenyTrailKeyChanges", true],
    ]);
    expect(await ask(role(A, "break-glass/oncall"), "cloudtrail:StopLogging", TRAIL, { scps: [none] })).toBe("ExplicitlyDenied");
  });
});

describe("size: the SCP stays within 5,120 characters, checked at synth", () => {
  test(`with the longest names and ${MAX_EXEMPT_PRINCIPALS + 2} exempt roles of the longest name (the most a config allows), it fits`, () => {
    expect(largestGuardrail(MAX_EXEMPT_PRINCIPALS + 2)).toBeLessThanOrEqual(5120);
    expect(largestGuardrail(MAX_EXEMPT_PRINCIPALS + 3)).toBeGreaterThan(5120);
  });

  test("a config whose exempt roles' paths make it too long is refused at synth, naming the SCP", () => {
    const long = (i: number) => `arn:aws:iam::${ARCHIVE}:role/${"p".repeat(200)}/r${i}`;
    const c = guarded({ trailGuardrail: { targetIds: ["r-ab12"], exemptPrincipalArns: [1, 2, 3].map(long) } });
    const p = policiesOf(c).find((x) => x.kind === "scp")!;
    expect(() => assertWithinLimits([measure(p.name, p.document, p.kind)])).toThrow(PolicyTooLargeError);
    expect(() => assertWithinLimits([measure(p.name, p.document, p.kind)])).toThrow(/trail guardrail SCP/);
  });
});
