import type { ResolvedDocument } from "../modules/shared/document";
import { policiesOf } from "../stacks/policy-sizes";
import { config } from "./helpers/config";

// Every document of a config with the delivery options on, across concepts (the delivery policies themselves are
// tested beside their concept, in modules/trail-delivery/policies.test.ts). The organization has a dedicated
// log-archive account and a delegated administrator, the shape in which a wrong trail ARN would hide: the admin
// account creates everything, the management account owns it.
const MGMT = "111111111111";
const ARCHIVE = "222222222222";
const ADMIN = "333333333333";

const TRAIL = `arn:aws:cloudtrail:us-east-1:${MGMT}:trail/org-trail`;

const full = config({
  organization: { delegatedAdminAccountId: ADMIN },
  logArchive: { accountId: ARCHIVE },
  trail: { cloudWatchLogs: {}, snsTopic: {} },
});
const docsOf = (c: ReturnType<typeof config>) => Object.fromEntries(policiesOf(c).map((p) => [p.name, p.document]));
const docs = docsOf(full);
const rolePolicy = docs["CloudWatch Logs delivery role policy"];

describe("delegated administrator: every ARN and aws:SourceArn names the management account's trail", () => {
  const sourceArns = (d: ResolvedDocument) =>
    d.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((block) => Object.entries(block).filter(([k]) => k === "aws:SourceArn").map(([, v]) => v)));

  test("all CloudTrail SourceArn conditions of all documents are the management trail ARN", () => {
    // The access-log bucket policy's SourceArn is the archive bucket (S3 server access logging), not a trail.
    const all = policiesOf(full).filter((p) => p.name !== "access-log bucket policy").flatMap((p) => sourceArns(p.document));
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(new Set(all)).toEqual(new Set([TRAIL]));
  });

  test("no document names a trail in the delegated administrator's account", () => {
    for (const p of policiesOf(full)) expect({ name: p.name, text: JSON.stringify(p.document).includes(`:${ADMIN}:trail/`) }).toEqual({ name: p.name, text: false });
  });

  test("the delivery targets are in the delegated administrator's account; without one, in the management account", () => {
    expect(JSON.stringify(rolePolicy)).toContain(`:logs:us-east-1:${ADMIN}:log-group:`);
    const noAdmin = docsOf(config({ trail: { cloudWatchLogs: {}, snsTopic: {} } }));
    expect(noAdmin["CloudWatch Logs delivery role policy"].Statement[0].Resource).toBe(`arn:aws:logs:us-east-1:${MGMT}:log-group:/aws/cloudtrail/org-trail:log-stream:*`);
    expect(noAdmin["SNS topic policy"].Statement[0].Resource).toBe(`arn:aws:sns:us-east-1:${MGMT}:org-trail-notifications`);
  });
});
