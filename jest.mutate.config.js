/**
 * The fast suites `npm run mutate` (Stryker) runs against each mutant of the policy builders and rules: the
 * concepts' own tests, the policy lint, the simulator proofs of the access policies and the config checks. Suites
 * that plan with Terraform or run the CLI are left out (seconds per mutant); CI runs them, not this.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  reporters: ["default"],
  testMatch: [
    "<rootDir>/modules/**/*.test.ts",
    "<rootDir>/__tests__/lint.test.ts",
    "<rootDir>/__tests__/access-behaviour.test.ts",
    "<rootDir>/__tests__/access-policies.test.ts",
    "<rootDir>/__tests__/access-config.test.ts",
    "<rootDir>/__tests__/cross-field.test.ts",
    "<rootDir>/__tests__/operations-policies.test.ts",
  ],
  // field-rules.test.ts asks `terraform console` for the Terraform side of every rule; *-stack.test.ts synthesize.
  testPathIgnorePatterns: ["/node_modules/", "field-rules\\.test\\.ts$", "-stack\\.test\\.ts$"],
};
