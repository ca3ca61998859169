import { TEST_REDIS_URL, databaseUrl, workerDatabaseName } from "./test-servers";

// Runs before any module is loaded in a test file, so lib/env sees these values.
const worker = process.env.JEST_WORKER_ID ?? "1";
Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: databaseUrl(workerDatabaseName(worker)),
  DATABASE_POOL_SIZE: "20",
  REDIS_URL: TEST_REDIS_URL,
  REDIS_KEY_PREFIX: `stockroom:test:${process.pid}:w${worker}:`,
  // next build defines this from next.config's experimental.authInterrupts (forbidden() in admin pages).
  __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: "true",
});
