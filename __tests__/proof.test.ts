import { planBatch, policiesOf, rolesOf, valuesOf, type BatchEntry, type BatchPlan } from "./helpers/batch-plan";
import { evaluate, type PolicyJson } from "./helpers/oracle";
import { lintPolicy } from "./proof/lint";
import { accountFolder, clauses, renderContract } from "./proof/contract";
import { callersOf, disagreements, GENEROUS_IDENTITY_POLICY, logKey, MEMBER_A, MEMBER_B, requestOf, runMatrix, worldOf, type PlannedDocuments, type World } from "./proof/matrix";
import { SHAPES } from "./proof/shapes";
import { KITCHEN_SINKS } from "./proof/kitchen-sink";
import { documentDisagreements, plannedSet, runDocumentMatrix, type PlannedSet, type Scenario } from "./proof/document-matrix";

/**
 * Proof by evaluation of what AWS will receive: the policies are taken from `terraform show -json` of one batch
 * plan holding, for every config shape, the deploy stack, the vendored log-archive module and (where one exists)
 * the example root. Every cell's expected outcome comes from the access contract (proof/contract.ts).
 */
type Source = "stack" | "module" | "example";
const entries: BatchEntry[] = [
  ...SHAPES.flatMap((s) => [
    { name: `stack_${s.name}`, kind: "stack" as const, config: s.config },
    { name: `module_${s.name}`, kind: "module" as const, config: s.config },
    ...(s.example ? [{ name: `example_${s.name}`, kind: "example" as const, example: s.example.name, aliases: s.example.aliases }] : []),
  ]),
  // Every feature on, in each partition and another home region: every document kind, planned.
  ...KITCHEN_SINKS.map((k) => ({ name: `stack_${k.name}`, kind: "stack" as const, config: k.config })),
];

let plan: BatchPlan;
// One init + plan + show for every root; generous timeout for a loaded machine (it takes ~13 s on an idle one).
beforeAll(() => {
  plan = planBatch(entries);
}, 300_000);

function documents(source: Source, shape: string): PlannedDocuments {
  const resources = plan.resources[`${source}_${shape}`];
  const policies = policiesOf(resources);
  return {
    bucketPolicy: policies["aws_s3_bucket_policy.log_archive"],
    keyPolicy: policies["aws_kms_key.cloudtrail"],
    restrictPublicBuckets: valuesOf(resources, "aws_s3_bucket_public_access_block.log_archive")?.restrict_public_buckets === true,
  };
}

describe.each(SHAPES.map((s) => [s.name, s] as const))("shape %s", (name, shape) => {
  const w = worldOf(shape.config);

  test("deploy stack: every scenario of the matrix gets the outcome the access contract promises", async () => {
    const docs = documents("stack", name);
    expect(docs.bucketPolicy).toBeDefined();
    expect(docs.keyPolicy !== undefined).toBe(w.settings.keyPolicyGenerated);
    expect(docs.restrictPublicBuckets).toBe(true);
    const cells = await runMatrix(w, docs);
    expect(disagreements(cells)).toEqual([]);
    // Every clause that can apply to this shape decides at least one scenario: the matrix is not vacuous.
    const decided = new Set(cells.map((c) => c.clause));
    const applicable = clauses({ accounts: [] })
      .map((k) => k.id)
      .filter((id) => w.settings.keyPolicyGenerated || !/encrypt|decrypt|describe-key/.test(id))
      .filter((id) => w.settings.memberAccess.enabled || !id.startsWith("member-"))
      // With the log archive in the management account, the log-archive clause decides its principals first.
      .filter((id) => w.settings.logArchiveAccountId !== w.settings.managementAccountId || id !== "management-account-decrypt");
    expect([...decided].sort()).toEqual(applicable.sort());
    expect(cells.filter((c) => c.expected === "allow").length).toBeGreaterThan(10);
  });

  // The verdicts are a function of the documents: a source that plans the same documents gets the same verdicts,
  // so the matrix runs once per shape (the suite must stay fast). Documents are compared parsed, as AWS reads them.
  test.each(shape.example ? ["module", "example"] : ["module"])("%s: plans exactly the deploy stack's documents, so the same verdicts hold", (source) => {
    expect(documents(source as Source, name)).toEqual(documents("stack", name));
  });
});

describe.each(KITCHEN_SINKS.map((k) => [k.name, k] as const))("%s: every document kind, planned, against the contracts", (name, k) => {
  const w = worldOf(k.config);
  const resources = () => plan.resources[`stack_${name}`];
  const planned = (): PlannedSet => plannedSet(policiesOf(resources()) as Record<string, PolicyJson>, rolesOf(resources()) as PlannedSet["roles"]);

  test("bucket and key policies: every scenario of the matrix gets what the access contract promises (another region and partition)", async () => {
    const docs = documents("stack", name);
    const cells = await runMatrix(w, docs);
    expect(disagreements(cells)).toEqual([]);
  });

  test("trust, reader and user policies, SCP, RCP and delivery documents: every scenario gets what the document contract promises", async () => {
    const scenarios: Scenario[] = await runDocumentMatrix(k.config, planned());
    expect(documentDisagreements(scenarios)).toEqual([]);
    // Every kind is reached, and each both allows and denies something: no kind is vacuous.
    for (const kind of ["trust policy", "reader role permissions", "user policy", "SCP", "RCP", "CloudWatch Logs role", "SNS topic policy"]) {
      const of = scenarios.filter((s) => s.kind === kind);
      expect([kind, of.some((s) => s.expected === "allow"), of.some((s) => s.expected !== "allow")]).toEqual([kind, true, true]);
    }
  });
});

test("the contract renders in words with a configuration's values (for module READMEs)", () => {
  const w = worldOf(SHAPES.find((s) => s.name === "arn_narrowing")!.config);
  const text = renderContract(w.settings).map((c) => c.text).join("\n");
  expect(text).toContain("CloudTrail, acting for the organization trail arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail only");
  expect(text).toContain("org/trails/AWSLogs/o-exampleorgid/<its-account>/");
  expect(text).toContain("arn:aws:iam::*:role/LogReader*");
  expect(text.replace(/<its-account>/g, "")).not.toMatch(/<[a-zA-Z]+>/);
  expect(renderContract(worldOf(SHAPES.find((s) => s.name === "member_access_off")!.config).settings).map((c) => c.id)).not.toContain("member-read-own");
});

describe("every planned document passes the policy lint", () => {
  test.each(entries.map((e) => e.name))("%s", async (name) => {
    const shape = [...SHAPES, ...KITCHEN_SINKS].find((s) => name.endsWith(`_${s.name}`))!;
    const keyAdministrator = `arn:${shape.config.organization.partition}:iam::${worldOf(shape.config).settings.logArchiveAccountId}:root`;
    const planned = Object.entries(policiesOf(plan.resources[name]));
    expect(planned.length).toBeGreaterThan(0);
    const problems = await Promise.all(planned.map(([address, doc]) => lintPolicy(doc, address, { keyAdministrator })));
    expect(problems.flat()).toEqual([]);
  });
});

describe("members are isolated by the S3 prefix, not by KMS", () => {
  const shapes = SHAPES.filter((s) => s.config.memberAccess.enabled && s.config.encryption.kmsKey === "create");
  const reader = (w: World, account: string) => callersOf(w).find((c) => c.name === `member ${account === MEMBER_A ? "A" : "B"} reader`)!;

  test.each(shapes.map((s) => [s.name, s] as const))("KMS alone does not isolate members (%s)", async (name, shape) => {
    const w = worldOf(shape.config);
    const { keyPolicy } = documents("stack", name);
    // The data key of member A's log file is encrypted under the trail's context, the same as member B's files.
    const decryptAsFileOfA = (account: string) =>
      evaluate(w.org, requestOf(w, reader(w, account), { action: "kms:Decrypt", target: { kind: "key" }, tls: true, encryptionContextTrail: w.settings.trailArn, viaS3: true }), {
        keyPolicy,
        identityPolicies: [GENEROUS_IDENTITY_POLICY],
      });
    expect(await decryptAsFileOfA(MEMBER_A)).toBe("Allowed");
    expect(await decryptAsFileOfA(MEMBER_B)).toBe("Allowed");
  });

  test.each(shapes.map((s) => [s.name, s] as const))("isolation holds through the S3 prefix (%s)", async (name, shape) => {
    const w = worldOf(shape.config);
    const { bucketPolicy, restrictPublicBuckets } = documents("stack", name);
    const s3 = (account: string, action: string, extra: { key?: string; listPrefix?: string }) =>
      evaluate(
        w.org,
        requestOf(w, reader(w, account), { action, target: extra.key ? { kind: "object", key: extra.key } : { kind: "bucket" }, tls: true, listPrefix: extra.listPrefix }),
        { resourcePolicy: bucketPolicy, s3BlockPublicAccess: restrictPublicBuckets, identityPolicies: [GENEROUS_IDENTITY_POLICY] },
      );
    expect(await s3(MEMBER_A, "s3:GetObject", { key: logKey(w, MEMBER_A) })).toBe("Allowed");
    expect(await s3(MEMBER_B, "s3:GetObject", { key: logKey(w, MEMBER_A) })).toBe("ImplicitlyDenied");
    expect(await s3(MEMBER_A, "s3:ListBucket", { listPrefix: accountFolder(w.settings, MEMBER_A) })).toBe("Allowed");
    expect(await s3(MEMBER_B, "s3:ListBucket", { listPrefix: accountFolder(w.settings, MEMBER_A) })).toBe("ImplicitlyDenied");
  });
});

describe("the matrix catches broken policies (each mutant must disagree with the contract somewhere)", () => {
  const shape = SHAPES.find((s) => s.name === "two_accounts_prefix")!;
  const w = worldOf(shape.config);
  type Mutant = (docs: PlannedDocuments) => PlannedDocuments;
  const editStatements = (doc: PolicyJson, sid: string, edit: (s: Record<string, unknown>) => Record<string, unknown> | undefined): PolicyJson => ({
    ...doc,
    Statement: (doc.Statement as Record<string, unknown>[]).flatMap((s) => (s.Sid === sid ? [edit(s)].filter((x) => x !== undefined) : [s])),
  });
  const withoutCondition = (s: Record<string, unknown>, op: string, key: string) => {
    const condition = JSON.parse(JSON.stringify(s.Condition)) as Record<string, Record<string, unknown>>;
    delete condition[op][key];
    if (Object.keys(condition[op]).length === 0) delete condition[op];
    return { ...s, Condition: condition };
  };
  const mutants: [string, Mutant][] = [
    ["writes without aws:SourceArn", (d) => ({ ...d, bucketPolicy: editStatements(d.bucketPolicy, "CloudTrailWriteOrganization", (s) => withoutCondition(s, "StringEquals", "aws:SourceArn")) })],
    ["writes without the ACL condition", (d) => ({ ...d, bucketPolicy: editStatements(d.bucketPolicy, "CloudTrailWriteOrganization", (s) => withoutCondition(s, "StringEquals", "s3:x-amz-acl")) })],
    ["member reads of every account folder", (d) => ({ ...d, bucketPolicy: JSON.parse(JSON.stringify(d.bucketPolicy).replace(/\$\{aws:PrincipalAccount\}\/\*/, "*")) })],
    ["member reads without the organization condition", (d) => ({ ...d, bucketPolicy: editStatements(d.bucketPolicy, "MemberReadOwnLogs", (s) => withoutCondition(s, "StringEquals", "aws:PrincipalOrgID")) })],
    ["no TLS-only deny", (d) => ({ ...d, bucketPolicy: editStatements(d.bucketPolicy, "DenyInsecureTransport", () => undefined) })],
    ["member decrypt without kms:ViaService", (d) => ({ ...d, keyPolicy: editStatements(d.keyPolicy!, "MemberDecryptLogsThroughS3", (s) => withoutCondition(s, "StringEquals", "kms:ViaService")) })],
    ["encrypt without the encryption context", (d) => ({ ...d, keyPolicy: editStatements(d.keyPolicy!, "CloudTrailEncryptLogs", (s) => withoutCondition(s, "StringLike", "kms:EncryptionContext:aws:cloudtrail:arn")) })],
    ["no prefix in the organization write", (d) => ({ ...d, bucketPolicy: JSON.parse(JSON.stringify(d.bucketPolicy).replace("cloudtrail/AWSLogs/o-exampleorgid/*", "AWSLogs/o-exampleorgid/*")) })],
  ];

  test.each(mutants)("%s", async (_, mutate) => {
    const docs = documents("stack", shape.name);
    const mutated = mutate(docs);
    expect(mutated).not.toEqual(docs);
    expect((await runMatrix(w, mutated).then(disagreements)).length).toBeGreaterThan(0);
  });

  test("a document without Version 2012-10-17 is refused outright (policy variables would be literal text)", async () => {
    const docs = documents("stack", shape.name);
    await expect(runMatrix(w, { ...docs, bucketPolicy: { ...docs.bucketPolicy, Version: "2008-10-17" } })).rejects.toThrow(/Version/);
  });
});

describe("the document matrix catches broken documents of every kind (each mutant must disagree with a contract somewhere)", () => {
  const sink = KITCHEN_SINKS.find((k) => k.name === "kitchen_sink_aws")!;
  const w = worldOf(sink.config);
  const planned = (): PlannedSet => plannedSet(policiesOf(plan.resources[`stack_${sink.name}`]) as Record<string, PolicyJson>, rolesOf(plan.resources[`stack_${sink.name}`]) as PlannedSet["roles"]);
  type Statement = Record<string, unknown>;
  const edit = (doc: PolicyJson, sid: string, change: (s: Statement) => Statement | undefined): PolicyJson => {
    expect((doc.Statement as Statement[]).map((s) => s.Sid)).toContain(sid);
    return { ...doc, Statement: (doc.Statement as Statement[]).flatMap((s) => (s.Sid === sid ? [change(s)].filter((x): x is Statement => x !== undefined) : [s])) };
  };
  const text = (doc: PolicyJson, from: string | RegExp, to: string): PolicyJson => {
    const before = JSON.stringify(doc);
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    return JSON.parse(after);
  };
  const withRole = (d: PlannedSet, name: string, change: (r: { trust?: PolicyJson; inline: PolicyJson[] }) => { trust?: PolicyJson; inline: PolicyJson[] }): PlannedSet => ({ ...d, roles: { ...d.roles, [name]: change(d.roles[name]) } });
  const VIA = /"kms:ViaService":"s3\.eu-west-1\.amazonaws\.com"/;
  /** kms:ViaService moved from StringEquals to StringLike s3.*.amazonaws.com: decrypt through S3 in any region. */
  const regionless = (doc: PolicyJson): PolicyJson => {
    expect(JSON.stringify(doc)).toMatch(VIA);
    return {
      ...doc,
      Statement: (doc.Statement as Statement[]).map((st) => {
        const c = st.Condition as Record<string, Record<string, unknown>> | undefined;
        if (!c?.StringEquals?.["kms:ViaService"]) return st;
        const equals = Object.fromEntries(Object.entries(c.StringEquals).filter(([k]) => k !== "kms:ViaService"));
        return { ...st, Condition: { ...c, StringEquals: equals, StringLike: { ...c.StringLike, "kms:ViaService": "s3.*.amazonaws.com" } } };
      }),
    };
  };

  const without = (s: Statement, key: string): Statement => Object.fromEntries(Object.entries(s).filter(([k]) => k !== key));
  // Each mutant names the document kind it breaks: only that kind's scenarios are evaluated (the suite must stay fast;
  // the unmutated documents pass every scenario in the tests above).
  const documentMutants: [string, Scenario["kind"], (d: PlannedSet) => PlannedSet][] = [
    ["a read-only user policy that can delete log objects (s3:*Object)", "user policy", (d) => ({ ...d, userPolicies: { ...d.userPolicies, "read-only": edit(d.userPolicies["read-only"]!, "ReadLogObjects", (s) => ({ ...s, Action: "s3:*Object" })) } })],
    ["a reader role's decrypt through S3 in any region", "reader role permissions", (d) => withRole(d, "SiemVendor", (r) => ({ ...r, inline: r.inline.map((p) => (VIA.test(JSON.stringify(p)) ? regionless(p) : p)) }))],
    ["BoolIfExists for MFA in a member role's trust", "trust policy", (d) => withRole(d, "OrgTrailLogReader-333333333333", (r) => ({ ...r, trust: text(r.trust!, '"Bool":', '"BoolIfExists":') }))],
    ["a third party trusted without its external ID", "trust policy", (d) => withRole(d, "SiemVendor", (r) => ({ ...r, trust: edit(r.trust!, "TrustThirdPartyWithExternalId", (s) => without(s, "Condition")) }))],
    ["a scoped reader role reading every account's folder", "reader role permissions", (d) => withRole(d, "Auditor", (r) => ({ ...r, inline: r.inline.map((p) => text(p, /AWSLogs\/o-exampleorgid\/333333333333\/\*/g, "AWSLogs/o-exampleorgid/*")) }))],
    ["the administration policy's GetRole under iam:AWSServiceName again (defect 3)", "user policy", (d) => ({ ...d, userPolicies: { ...d.userPolicies, administration: edit(edit(d.userPolicies.administration!, "ReadCloudTrailServiceLinkedRole", () => undefined), "CloudTrailServiceLinkedRole", (s) => ({ ...s, Action: ["iam:CreateServiceLinkedRole", "iam:GetRole"] })) } })],
    ["the guardrail exempting role names in any account (defect 2)", "SCP", (d) => ({ ...d, scp: text(d.scp!, /arn:aws:iam::222222222222:role\/OrgTrailDeploy/g, "arn:aws:iam::*:role/OrgTrailDeploy") })],
    ["the guardrail without archive protection (defect 5)", "SCP", (d) => ({ ...d, scp: edit(d.scp!, "DenyArchiveChanges", () => undefined) })],
    ["the guardrail without the exempt-role deny", "SCP", (d) => ({ ...d, scp: edit(d.scp!, "DenyExemptRoleChanges", () => undefined) })],
    ["the perimeter letting CloudTrail in for any trail", "RCP", (d) => ({ ...d, rcp: edit(d.rcp!, "DenyCloudTrailForOtherTrails", () => undefined) })],
    ["the perimeter without the confused-deputy guard", "RCP", (d) => ({ ...d, rcp: edit(d.rcp!, "DenyServicesActingOutsideOrganization", () => undefined) })],
    ["the topic policy without aws:SourceArn", "SNS topic policy", (d) => ({ ...d, topicPolicy: edit(d.topicPolicy!, "CloudTrailPublish", (s) => without(s, "Condition")) })],
    ["the CloudWatch Logs role writing to every log group", "CloudWatch Logs role", (d) => withRole(d, "org-trail-cloudwatch-logs", (r) => ({ ...r, inline: r.inline.map((p) => text(p, /arn:aws:logs:[^"]*:log-stream:\*/g, "*")) }))],
  ];

  test.each(documentMutants)("%s", async (_, kind, mutate) => {
    const docs = planned();
    const mutated = mutate(docs);
    expect(mutated).not.toEqual(docs);
    expect(documentDisagreements(await runDocumentMatrix(sink.config, mutated, [kind])).length).toBeGreaterThan(0);
  });

  test("the member decrypt of the key policy through S3 in any region", async () => {
    const docs = documents("stack", sink.name);
    expect(disagreements(await runMatrix(w, { ...docs, keyPolicy: regionless(docs.keyPolicy!) })).length).toBeGreaterThan(0);
  });
});
