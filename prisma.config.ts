import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate`; migrations run through
// scripts/migrate.ts with the WebAssembly schema engine (no native binary).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom" },
});
