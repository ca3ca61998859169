// `npm run multi [-- <portA> <portB> ...]`: several `next start` instances of
// the current production build against one PostgreSQL and one Redis — what a
// load balancer would sit in front of. Proves rule 5 of DESIGN.md locally:
// a hold made through one instance reaches SSE subscribers on every other
// through Redis pub/sub. Needs `npm run build` first, DATABASE_URL and
// REDIS_URL (in-process cache and events cannot span processes).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const ports = process.argv.slice(2).map(Number);
if (!ports.length) ports.push(3000, 3001);

function say(message: string) {
  console.log(`[multi] ${message}`);
}

function fail(message: string): never {
  console.error(`[multi] ${message}`);
  process.exit(1);
}

async function waitForHealth(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`instance on port ${port} did not become healthy within ${timeoutMs / 1_000} s`);
}

function prefixLines(child: ChildProcess, label: string) {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) console.log(`[${label}] ${line}`);
    });
  }
}

async function main() {
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65_535) || new Set(ports).size !== ports.length) {
    fail(`ports must be distinct numbers, got: ${process.argv.slice(2).join(" ")}`);
  }
  if (!process.env.DATABASE_URL) fail("DATABASE_URL is required: every instance must share one PostgreSQL (the embedded one is single-process)");
  if (!process.env.REDIS_URL) fail("REDIS_URL is required: without Redis, cache and stock events stay inside each process");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) fail("no production build: run `npm run build` first");
  if (!process.env.SESSION_SECRET) {
    // Cart and admin cookies must verify on every instance, so they share one key.
    process.env.SESSION_SECRET = randomBytes(32).toString("hex");
    say("SESSION_SECRET not set: using a random one shared by these instances (cookies will not survive a restart)");
  }

  const { applyMigrations, ensureDatabase } = await import("../lib/db/migrate");
  await ensureDatabase(process.env.DATABASE_URL);
  const applied = await applyMigrations(process.env.DATABASE_URL);
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  const children = ports.map((port, i) => {
    const label = String.fromCharCode(65 + i); // A, B, ...
    // The next binary itself, not npx: signals must reach the server process.
    const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    prefixLines(child, label);
    return { port, label, child };
  });

  let stopping = false;
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
    setTimeout(() => process.exit(code), 2_000).unref();
    Promise.all(children.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null))).then(() => process.exit(code));
  };
  for (const { child, label } of children) {
    child.on("exit", (code) => {
      if (!stopping) say(`instance ${label} exited (${code ?? "signal"}); stopping the others`);
      stopAll(code ?? 1);
    });
  }
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));

  try {
    await Promise.all(children.map(({ port }) => waitForHealth(port, 60_000)));
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    stopAll(1);
    return;
  }
  for (const { label, port } of children) say(`instance ${label}: http://127.0.0.1:${port}`);
  say(`ready: ${children.length} instances share ${new URL(process.env.DATABASE_URL).pathname.slice(1)} and Redis at ${new URL(process.env.REDIS_URL).host}`);
}

main().catch((error: unknown) => {
  console.error(`[multi] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
