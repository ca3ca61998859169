import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

export type { Prisma } from "@/generated/prisma/client";

type Handles = { pool: Pool; db: PrismaClient };

// One pool and client per process; cached on globalThis so dev hot reloads and
// Jest module registries do not open new pools each time.
const globalForDb = globalThis as unknown as { __stockroomDb?: Handles };

function create(): Handles {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app with `npm start` for the embedded database");
  // keepAlive: a connection to a vanished server (partition, failover) is
  // noticed by TCP instead of hanging until the OS gives up.
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, connectionTimeoutMillis: 5_000, keepAlive: true });
  pool.on("error", (error) => logger.warn("postgres pool error", { error: error.message }));
  // The pool only listens for errors on idle clients. A checked-out client
  // whose connection drops between two statements would otherwise emit an
  // unhandled "error" and kill the process; its next query fails instead
  // ("not queryable"), which callers map to UNAVAILABLE.
  pool.on("connect", (client) => client.on("error", (error) => logger.warn("postgres connection lost", { error: error.message })));
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { pool, db };
}

function handles(): Handles {
  globalForDb.__stockroomDb ??= create();
  return globalForDb.__stockroomDb;
}

/** The Prisma client. Created on first use so that importing this module never connects. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get: (_target, key) => {
    const client = handles().db;
    const value: unknown = Reflect.get(client, key);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * The pg pool Prisma's adapter runs on, for everything written in SQL (hold
 * functions, set-based bulk work and COPY, streaming exports, after-commit
 * reads). Sharing it keeps one connection budget per process (DATABASE_POOL_SIZE).
 */
export function pgPool(): Pool {
  return handles().pool;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__stockroomDb;
  globalForDb.__stockroomDb = undefined;
  if (!current) return;
  await current.db.$disconnect();
  await current.pool.end().catch(() => {});
}
