// `npm start`: the zero-setup entry point. With no DATABASE_URL it serves an
// embedded PostgreSQL (PGlite) from .data/, migrates and seeds it, then starts
// Next.js; with DATABASE_URL / REDIS_URL set it uses the real servers.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const dataDir = path.join(root, ".data");

function say(message: string) {
  console.log(`[stockroom] ${message}`);
}

function persistentSecret(): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!process.env.DATABASE_URL) {
    const { startEmbeddedDatabase } = await import("../lib/embedded/pglite-server");
    const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
    const embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pglite"), port, maxConnections: 32 });
    stopEmbedded = embedded.stop;
    process.env.DATABASE_URL = embedded.url;
    process.env.STOCKROOM_EMBEDDED_DB = "1";
    // PGlite runs one query at a time; a small pool avoids long client-side queues.
    process.env.DATABASE_POOL_SIZE ??= "4";
    process.env.SESSION_SECRET ??= persistentSecret();
    say(`database: embedded PGlite (data in .data/pglite) on 127.0.0.1:${port}`);
  } else {
    const url = new URL(process.env.DATABASE_URL);
    say(`database: PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`);
  }
  say(process.env.REDIS_URL ? `cache and events: Redis at ${new URL(process.env.REDIS_URL).host}` : "cache and events: in-process (set REDIS_URL for several instances)");

  const { applyMigrations, ensureDatabase } = await import("../lib/db/migrate");
  await ensureDatabase(process.env.DATABASE_URL);
  const applied = await applyMigrations(process.env.DATABASE_URL);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const { seedDatabase } = await import("../prisma/seed");
  const { PrismaClient } = await import("../generated/prisma/client");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 1 }) });
  const seeded = await seedDatabase(seedClient);
  await seedClient.$disconnect();
  say(seeded.created ? "seeded the demo catalogue (admin@stockroom.test / admin-password)" : "demo data already present");

  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    say("no production build yet: running `next build` once (about a minute)");
    const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const port = process.env.PORT ?? "3000";
  const child = spawn("npx", ["--no-install", "next", dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  say(`store: http://localhost:${port}   health: http://localhost:${port}/api/health`);

  const shutdown = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", async (code) => {
    await stopEmbedded?.();
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`[stockroom] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
