// Shared settings for the Playwright run (playwright.config.ts and e2e/global-setup.ts).
// The e2e run always uses its own database and Redis key prefix so it never touches
// development data or the databases the Jest suite creates.

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Dedicated database, dropped and re-seeded by the global setup on every run. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stockroom_e2e";
export const E2E_REDIS_URL = process.env.E2E_REDIS_URL ?? "redis://127.0.0.1:6379";
export const E2E_REDIS_KEY_PREFIX = process.env.E2E_REDIS_KEY_PREFIX ?? "stockroom:e2e:";

/** Environment for the app under test (merged over process.env by Playwright). */
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
