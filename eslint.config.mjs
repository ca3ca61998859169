import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { FlatCompat } from "@eslint/eslintrc";

const compat = new FlatCompat({ baseDirectory: dirname(fileURLToPath(import.meta.url)) });

const config = [
  { ignores: ["node_modules/**", ".next/**", "generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "e2e/artifacts/**"] },
  ...compat.extends("next/core-web-vitals", "next/typescript"),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Configuration is read once, validated, in lib/env.ts.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration from lib/env.ts." }],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "prisma/**", "bench/**", "e2e/**", "__tests__/**", "jest.config.ts", "playwright.config.ts", "prisma.config.ts", "next.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
