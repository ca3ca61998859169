import type { Config } from "jest";
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const shared: Config = {
  moduleNameMapper: {
    "^@/(.*)$": "<rootDir>/$1",
    // The generated Prisma 7 client imports .mjs runtime files Jest cannot load as CJS.
    "^@prisma/client/runtime/(.*)\\.mjs$": "@prisma/client/runtime/$1.js",
  },
  // Jest 30 walks cached module globals on teardown and recurses on ioredis clients.
  testEnvironmentOptions: { globalsCleanup: "off" },
};

const unit: Config = {
  ...shared,
  displayName: "unit",
  testEnvironment: "jsdom",
  testMatch: ["<rootDir>/__tests__/unit/**/*.test.{ts,tsx}"],
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup/unit.ts"],
};

const integration: Config = {
  ...shared,
  displayName: "integration",
  testEnvironment: "node",
  testMatch: ["<rootDir>/__tests__/integration/**/*.test.ts"],
  globalSetup: "<rootDir>/__tests__/setup/global-setup.ts",
  setupFiles: ["<rootDir>/__tests__/setup/integration-env.ts"],
};

export default async function config(): Promise<Config> {
  return {
    maxWorkers: 2,
    testTimeout: 30_000,
    projects: [await createJestConfig(unit)(), await createJestConfig(integration)()],
  };
}
