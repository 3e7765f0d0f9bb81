import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { explain, formatMarkdown } from "../stacks/explain";
import { policiesOf, policySizes } from "../stacks/policy-sizes";
import { config } from "./helpers/synth";

describe("explain", () => {
  const c = config({ memberAccess: { principalTag: { key: "team", value: "security" } } });
  const e = explain(c);

  test("has one row per statement of every generated policy, with its principal, actions and resources", () => {
    const statements = policiesOf(c).flatMap((p) => p.document.Statement.map((s) => `${p.name}/${s.Sid}`));
    expect(e.rows.map((r) => `${r.policy}/${r.sid}`)).toEqual(statements);
    const read = e.rows.find((r) => r.sid === "MemberReadOwnLogs")!;
    expect(read).toMatchObject({ effect: "Allow", principal: "any AWS principal", actions: ["s3:GetObject"] });
    expect(read.conditions).toEqual(["aws:PrincipalOrgID StringEquals o-exampleorgid", "aws:PrincipalTag/team StringEquals security"]);
  });

  test("reports the same sizes as synth", () => {
    expect(e.sizes).toEqual(policySizes(c));
  });

  test("markdown has a table row per statement and per policy size", () => {
    const md = formatMarkdown(e);
    const tableRows = md.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| Policy |"));
    expect(tableRows).toHaveLength(e.rows.length + e.sizes.length);
  });

  test("the CLI prints text and markdown for the embedded example", () => {
    const cli = join(__dirname, "..", "dist", "cli", "index.js");
    const text = execFileSync("node", [cli, "explain"], { encoding: "utf8" });
    expect(text).toMatch(/^log archive bucket policy:\n  ALLOW service cloudtrail\.amazonaws\.com {2}\[CloudTrailAclCheck\]/);
    expect(text).toMatch(/trail KMS key policy +\d+ \/ 32768 bytes/);
    const md = execFileSync("node", [cli, "explain", "--markdown"], { encoding: "utf8" });
    expect(md).toContain("| log archive bucket policy (MemberListOwnLogs) | Allow | any AWS principal |");
  });

  test("NotResource reads as an exclusion, not as every resource", () => {
    const scoped = explain(config({ memberRoles: [{ accountId: "333333333333" }] }));
    const deny = scoped.rows.find((r) => r.sid === "DenyReadOutsideScope")!;
    expect(deny).toMatchObject({ effect: "Deny", actions: ["s3:GetObject"], resources: ["NOT arn:aws:s3:::example-org-cloudtrail-logs/AWSLogs/o-exampleorgid/333333333333/*"] });
  });

  test("--json prints the rows and sizes as one document", () => {
    const cli = join(__dirname, "..", "dist", "cli", "index.js");
    const doc = JSON.parse(execFileSync("node", [cli, "explain", "--json"], { encoding: "utf8" }));
    expect(doc).toMatchObject({ command: "explain", ok: true, config: "embedded example" });
    expect(doc.rows).toEqual(explain(config({})).rows);
    expect(doc.sizes.map((s: { name: string }) => s.name)).toEqual(policySizes(config({})).map((s) => s.name));
  });
});
