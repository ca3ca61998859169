// Where the integration tests find PostgreSQL and Redis (the machine's local servers by default).
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// TEST_DB_PREFIX lets several checkouts run the suite on one server at once.
const DB_PREFIX = process.env.TEST_DB_PREFIX ?? "stockroom_test";
export const TEMPLATE_DB = `${DB_PREFIX}_template`;
export const MAX_TEST_WORKERS = 4;

export function workerDatabaseName(workerId: string | number): string {
  return `${DB_PREFIX}_w${workerId}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
