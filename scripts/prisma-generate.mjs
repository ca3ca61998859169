// `prisma generate` needs no schema engine, but the CLI still tries to download
// one on machines without network access; point it at a stub for this command only.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
