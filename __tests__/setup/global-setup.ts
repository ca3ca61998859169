import Redis from "ioredis";
import { Client } from "pg";
import { applyMigrations } from "../../lib/db/migrate";
import { MAX_TEST_WORKERS, TEMPLATE_DB, TEST_POSTGRES_URL, TEST_REDIS_URL, databaseUrl, workerDatabaseName } from "./test-servers";

// Integration tests run against real servers. An unreachable server fails the
// run with a clear message; it is never a reason to skip.
async function requirePostgres(): Promise<Client> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    throw new Error(`PostgreSQL is not reachable at ${TEST_POSTGRES_URL} (${String(error)}). Start it, or set TEST_POSTGRES_URL.`);
  }
}

async function requireRedis(): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5_000, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (${String(error)}). Start it, or set TEST_REDIS_URL.`);
  } finally {
    redis.disconnect();
  }
}

// Migrate one template database, then clone it per Jest worker: cloning is
// far faster than migrating each worker's database.
export default async function globalSetup(): Promise<void> {
  await requireRedis();
  const admin = await requirePostgres();
  try {
    const names = [TEMPLATE_DB, ...Array.from({ length: MAX_TEST_WORKERS }, (_, i) => workerDatabaseName(i + 1))];
    for (const name of names) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${TEMPLATE_DB}"`);
    await applyMigrations(databaseUrl(TEMPLATE_DB));
    for (const name of names.slice(1)) await admin.query(`create database "${name}" template "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
}
