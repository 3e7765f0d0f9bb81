import { ConfigError, parseConfig } from "../config/load";
import { exampleWith } from "./helpers/synth";

/** Cross-field rules of the access sections, through the whole config check: each problem reported once, at its path. */
function problems(sections: Record<string, unknown>): { path: string; message: string }[] {
  try {
    parseConfig({ ...exampleWith({ logArchive: { accountId: "222222222222" } }), ...sections });
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => ({ path: p.path, message: p.message }));
  }
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

  test("duplicate account IDs and role names among member roles, each reported once", () => {
    const found = problems({ memberRoles: [{ accountId: "333333333333", roleName: "Reader" }, { accountId: "333333333333" }, { accountId: "444444444444", roleName: "reader" }] });
    expect(found.map((p) => p.path).sort()).toEqual(["memberRoles.1.accountId", "memberRoles[444444444444].roleName"]);
  });

  test("a third party is never the management or log-archive account, nor an account with a member role", () => {
    const found = problems({
      memberRoles: [{ accountId: "333333333333" }],
      thirdPartyReaders: [
        { name: "a", accountId: "111111111111", externalId: "x1x" },
        { name: "b", accountId: "222222222222", externalId: "x2x" },
        { name: "c", accountId: "333333333333", externalId: "x3x" },
      ],
    });
    expect(found.map((p) => p.path).sort()).toEqual(["thirdPartyReaders[a].accountId", "thirdPartyReaders[b].accountId", "thirdPartyReaders[c].accountId"]);
    expect(found.find((p) => p.path === "thirdPartyReaders[a].accountId")!.message).toMatch(/management/);
    expect(found.find((p) => p.path === "thirdPartyReaders[b].accountId")!.message).toMatch(/log-archive/);
  });

  test("duplicate reader names, scoped accounts and guardrail targets", () => {
    const found = problems({
      thirdPartyReaders: [
        { name: "siem", accountId: "999999999999", externalId: "x1x", accounts: ["333333333333", "333333333333"] },
        { name: "siem", accountId: "888888888888", externalId: "x2x" },
      ],
      trailGuardrail: { targetIds: ["r-ab12", "r-ab12"] },
    });
    expect(found.map((p) => p.path).sort()).toEqual(["thirdPartyReaders.0.accounts.1", "thirdPartyReaders.1.name", "trailGuardrail.targetIds.1"]);
  });
});
