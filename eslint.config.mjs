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
    // Layering (see CONVENTIONS.md "Boundaries"). import/* rules come with eslint-config-next
    // (eslint-plugin-import); no-restricted-paths works on resolved files, so it
    // catches "@/…" aliases and relative paths alike, which no-restricted-imports cannot.
    rules: {
      "import/no-cycle": ["error", { ignoreExternal: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports app/: routes call lib, not the other way round." },
            {
              target: ["./lib/!(actions)/**/*", "./lib/*"],
              from: "./lib/actions",
              message: "lib/ never imports the action adapter; throw a class from lib/errors.ts instead.",
            },
            {
              target: "./lib/inventory",
              from: ["./lib/admin", "./lib/store", "./lib/bulk"],
              message: "lib/inventory is the domain: admin, store and the CSV edge read through it, never the reverse.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/env.ts", "instrumentation.ts", "scripts/**", "prisma/**", "bench/**", "e2e/**", "__tests__/**", "jest.config.ts", "playwright.config.ts", "prisma.config.ts", "next.config.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
