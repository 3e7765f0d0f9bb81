import { ConfigError, parseConfig } from "../config/load";
import { exampleWith } from "./helpers/synth";

function problems(overrides: Record<string, unknown>): { path: string; message: string; value?: unknown }[] {
  try {
    parseConfig(exampleWith(overrides as never));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return [...(e as ConfigError).problems];
  }
  throw new Error("config was accepted");
}

describe("access config", () => {
  test("defaults: no roles, no user policies, no guardrail; a section's options default sensibly", () => {
    const c = parseConfig(exampleWith());
    expect([c.memberRoles, c.thirdPartyReaders, c.userPolicies, c.trailGuardrail]).toEqual([[], [], undefined, undefined]);
    const full = parseConfig(
      exampleWith({
        memberRoles: [{ accountId: "333333333333" }],
        thirdPartyReaders: [{ name: "Siem", accountId: "999999999999", externalId: "ext-id" }],
        userPolicies: {},
        trailGuardrail: { targetIds: ["r-ab12"] },
      } as never),
    );
    expect(full.memberRoles).toEqual([{ accountId: "333333333333", requireMfa: false, maxSessionDurationSeconds: 3600 }]);
    expect(full.thirdPartyReaders).toEqual([{ name: "Siem", accountId: "999999999999", externalId: "ext-id", requireMfa: false }]);
    expect(full.userPolicies).toEqual({ readOnly: true, administration: true, protectTrail: true });
    expect(full.trailGuardrail).toEqual({ targetIds: ["r-ab12"] });
  });

  test("every field problem at once, each naming the field, the value and the rule", () => {
    const found = problems({
      memberRoles: [{ accountId: "123", roleName: "bad/name", maxSessionDurationSeconds: 60 }],
      thirdPartyReaders: [{ name: "Siem", accountId: "999999999999", externalId: "x", accounts: ["12"] }],
      trailGuardrail: { targetIds: ["o-exampleorgid"], breakGlassRoleName: "has space" },
    });
    const byPath = Object.fromEntries(found.map((p) => [p.path, p]));
    expect(Object.keys(byPath)).toEqual(
      expect.arrayContaining([
        "memberRoles[123].accountId",
        "memberRoles[123].roleName",
        "memberRoles[123].maxSessionDurationSeconds",
        "thirdPartyReaders[Siem].externalId",
        "thirdPartyReaders[Siem].accounts.0",
        "trailGuardrail.targetIds.0",
        "trailGuardrail.breakGlassRoleName",
      ]),
    );
    expect(byPath["thirdPartyReaders[Siem].externalId"]).toMatchObject({ value: "x", message: "must be 2 to 1224 characters long" });
    expect(byPath["memberRoles[123].maxSessionDurationSeconds"].message).toMatch(/3600 to 43200/);
    expect(byPath["trailGuardrail.targetIds.0"].message).toMatch(/organization root ID .* an OU ID .* or a 12-digit account ID/);
  });

  test("an external ID with a character outside [\\w+=,.@:/-] is refused", () => {
    const found = problems({ thirdPartyReaders: [{ name: "Siem", accountId: "999999999999", externalId: "has space" }] });
    expect(found).toContainEqual(expect.objectContaining({ path: "thirdPartyReaders[Siem].externalId", value: "has space", message: expect.stringMatching(/contain only/) }));
  });

  test.each([
    ["the management account as a third party", { thirdPartyReaders: [{ name: "T", accountId: "111111111111", externalId: "ext-id" }] }, "thirdPartyReaders[T].accountId", /not be the management or log-archive account/],
    [
      "the log-archive account as a third party",
      { logArchive: { accountId: "222222222222" }, thirdPartyReaders: [{ name: "T", accountId: "222222222222", externalId: "ext-id" }] },
      "thirdPartyReaders[T].accountId",
      /not be the management or log-archive account/,
    ],
    [
      "an account both member reader and third party",
      { memberRoles: [{ accountId: "333333333333" }], thirdPartyReaders: [{ name: "T", accountId: "333333333333", externalId: "ext-id" }] },
      "thirdPartyReaders[T].accountId",
      /not also be in memberRoles/,
    ],
    ["a member account twice", { memberRoles: [{ accountId: "333333333333" }, { accountId: "333333333333", roleName: "Other" }] }, "memberRoles.1.accountId", /unique/],
    [
      "a third party twice",
      { thirdPartyReaders: [{ name: "T1", accountId: "999999999999", externalId: "ext-id" }, { name: "T2", accountId: "999999999999", externalId: "ext-id2" }] },
      "thirdPartyReaders[T2].accountId",
      /unique/,
    ],
    [
      "a role name used twice, ignoring case",
      { memberRoles: [{ accountId: "333333333333", roleName: "Reader" }], thirdPartyReaders: [{ name: "READER", accountId: "999999999999", externalId: "ext-id" }] },
      "thirdPartyReaders[READER].name",
      /not used by another reader role/,
    ],
    [
      "a custom role name equal to another member's default",
      { memberRoles: [{ accountId: "333333333333" }, { accountId: "444444444444", roleName: "OrgTrailLogReader-333333333333" }] },
      "memberRoles[444444444444].roleName",
      /not used by another reader role/,
    ],
    ["a duplicate account in a third party's scope", { thirdPartyReaders: [{ name: "T", accountId: "999999999999", externalId: "ext-id", accounts: ["333333333333", "333333333333"] }] }, "thirdPartyReaders[T].accounts.1", /unique/],
    ["an empty scope", { thirdPartyReaders: [{ name: "T", accountId: "999999999999", externalId: "ext-id", accounts: [] }] }, "thirdPartyReaders[T].accounts", /./],
    ["a duplicate guardrail target", { trailGuardrail: { targetIds: ["r-ab12", "r-ab12"] } }, "trailGuardrail.targetIds.1", /unique/],
    ["no guardrail target", { trailGuardrail: { targetIds: [] } }, "trailGuardrail.targetIds", /./],
    ["the management account as a guardrail target", { trailGuardrail: { targetIds: ["111111111111"] } }, "trailGuardrail.targetIds.0", /never apply to the management account/],
  ])("cross-field rule: %s", (_, overrides, path, message) => {
    expect(problems(overrides)).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
  });

  test("an unknown key in an access section is named with a suggestion", () => {
    const found = problems({ memberRoles: [{ accountId: "333333333333", requireMFA: true }] });
    expect(found).toContainEqual(expect.objectContaining({ path: "memberRoles[333333333333].requireMFA", message: expect.stringMatching(/did you mean requireMfa\?/) }));
  });
});
