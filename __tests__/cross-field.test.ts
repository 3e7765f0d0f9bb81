import type { z } from "zod";
import { moreCrossFieldRules } from "../config/cross-field";
import { config } from "./helpers/synth";

/**
 * The cross-field rules for sections that other work adds to the schema (memberRoles, thirdPartyReaders,
 * trailGuardrail), applied to a parsed config extended with those sections. Once the sections are in the schema,
 * bad-config files for them join the corpus.
 */
function problems(sections: Record<string, unknown>, base = config({ logArchive: { accountId: "222222222222" } })): { path: string; message: string }[] {
  const found: { path: string; message: string }[] = [];
  const ctx = { addIssue: (i: { path: (string | number)[]; message: string }) => found.push({ path: i.path.join("."), message: i.message }) } as unknown as z.RefinementCtx;
  moreCrossFieldRules({ ...base, ...sections }, ctx);
  return found;
}

describe("cross-field rules for the access sections", () => {
  test("a valid set of sections passes", () => {
    expect(
      problems({
        memberRoles: [{ accountId: "333333333333" }, { accountId: "444444444444", roleName: "Reader" }],
        thirdPartyReaders: [{ name: "siem", accountId: "999999999999", externalId: "abc-123", accounts: ["333333333333", "444444444444"] }],
        trailGuardrail: { targetIds: ["r-ab12", "ou-ab12-abcdefgh"] },
      }),
    ).toEqual([]);
  });

  test("duplicate account IDs and role names among member roles", () => {
    expect(problems({ memberRoles: [{ accountId: "333333333333", roleName: "Reader" }, { accountId: "333333333333" }, { accountId: "444444444444", roleName: "reader" }] })).toEqual([
      { path: "memberRoles.1.accountId", message: expect.stringContaining("must appear once in memberRoles (also at memberRoles[0])") },
      { path: "memberRoles.2.roleName", message: expect.stringContaining("IAM role names are unique per account, ignoring case") },
    ]);
  });

  test("a third party is never the management or log-archive account, nor an account with a member role", () => {
    expect(
      problems({
        memberRoles: [{ accountId: "333333333333" }],
        thirdPartyReaders: [
          { name: "a", accountId: "111111111111", externalId: "x1" },
          { name: "b", accountId: "222222222222", externalId: "x2" },
          { name: "c", accountId: "333333333333", externalId: "x3" },
        ],
      }),
    ).toEqual([
      { path: "thirdPartyReaders.0.accountId", message: expect.stringContaining("must not be the management account") },
      { path: "thirdPartyReaders.1.accountId", message: expect.stringContaining("must not be the log-archive account") },
      { path: "thirdPartyReaders.2.accountId", message: expect.stringContaining("must be in no more than one list") },
    ]);
  });

  test("duplicate reader names, scoped accounts and guardrail targets", () => {
    expect(
      problems({
        thirdPartyReaders: [
          { name: "siem", accountId: "999999999999", externalId: "x1", accounts: ["333333333333", "333333333333"] },
          { name: "siem", accountId: "888888888888", externalId: "x2" },
        ],
        trailGuardrail: { targetIds: ["r-ab12", "r-ab12"] },
      }).map((p) => p.path),
    ).toEqual(["thirdPartyReaders.1.name", "thirdPartyReaders.0.accounts.1", "trailGuardrail.targetIds.1"]);
  });
});
