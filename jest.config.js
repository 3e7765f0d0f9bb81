/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // End-to-end suites live in __tests__/; a concept's own tests live beside it, in modules/<concept>/*.test.ts.
  roots: ["<rootDir>/__tests__", "<rootDir>/modules"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type-checking happens in `npm run build` (tsc); tests are transpiled only, which keeps the suite fast.
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", target: "ES2022", esModuleInterop: true, isolatedModules: true } }],
  },
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ["default", "<rootDir>/scripts/jest-summary-reporter.js"],
};
