// Shared settings for the Playwright run (playwright.config.ts and e2e/global-setup.ts).
//
// Two targets:
// - "servers" (default): Playwright starts `next start` on its own stockroom_e2e
//   database (recreated and seeded by e2e/global-setup.ts) and Redis key prefix,
//   so it never touches development data or the Jest databases.
// - "embedded" (E2E_TARGET=embedded): the app was started exactly as the README
//   says (`npm start`, no DATABASE_URL/REDIS_URL) on E2E_PORT; the specs reach
//   its embedded PostgreSQL through the checkout's .data directory.
import { readFileSync } from "node:fs";
import path from "node:path";

export const E2E_TARGET: "servers" | "embedded" = process.env.E2E_TARGET === "embedded" ? "embedded" : "servers";
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

const dataDir = path.resolve(__dirname, "..", process.env.STOCKROOM_DATA_DIR || ".data");
const readData = (file: string) => readFileSync(path.join(dataDir, file), "utf8").trim();
const embeddedDatabaseUrl = () =>
  `postgresql://postgres:${encodeURIComponent(readData("postgres-password"))}@127.0.0.1:${process.env.EMBEDDED_DB_PORT || 54329}/stockroom`;

/** The database the app under test uses (dropped and re-seeded by the global setup for "servers"). */
export const E2E_DATABASE_URL = E2E_TARGET === "embedded"
  ? embeddedDatabaseUrl()
  : process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_e2e";
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";
export const E2E_REDIS_KEY_PREFIX = process.env.E2E_REDIS_KEY_PREFIX ?? "stockroom:e2e:";

/** Environment for the app under test (merged over process.env by Playwright; "servers" only). */
export const E2E_SERVER_ENV: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: E2E_DATABASE_URL,
  REDIS_URL: E2E_REDIS_URL,
  REDIS_KEY_PREFIX: E2E_REDIS_KEY_PREFIX,
  SESSION_SECRET: "stockroom-e2e-session-secret-not-for-production",
  LOG_LEVEL: "warn",
  COOKIE_SECURE: "0",
};
