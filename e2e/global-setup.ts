// Runs once before the tests: drops stockroom_e2e, recreates and migrates it with
// `npm run db:migrate`, seeds it with `npm run db:seed`, and clears the e2e Redis
// keys, so every run starts from the same seeded state.
//
// Playwright starts the webServer *before* globalSetup. That is harmless here:
// the app only connects to PostgreSQL on the first request, and the webServer
// readiness check only waits for the port (no request reaches the database).
import { execFileSync } from "node:child_process";
import path from "node:path";
import Redis from "ioredis";
import { dropDatabase } from "../lib/db/migrate";
import { E2E_DATABASE_URL, E2E_REDIS_KEY_PREFIX, E2E_REDIS_URL } from "./e2e-env";

const root = path.resolve(__dirname, "..");

async function clearRedisPrefix(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    await redis.quit();
  }
}

function npmRun(script: string) {
  execFileSync("npm", ["run", "--silent", script], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
  });
}

export default async function globalSetup() {
  const started = Date.now();
  await dropDatabase(E2E_DATABASE_URL);
  npmRun("db:migrate");
  npmRun("db:seed");
  await clearRedisPrefix(E2E_REDIS_URL, E2E_REDIS_KEY_PREFIX);
  console.log(`[e2e] database ${new URL(E2E_DATABASE_URL).pathname.slice(1)} recreated and seeded in ${Date.now() - started} ms`);
}
