import { disconnectDb, pgPool } from "@/lib/db";
import { disconnectRedis } from "@/lib/redis";

/** Empties every application table in this worker's database (fast: one statement). */
export async function truncateAll(): Promise<void> {
  const { rows } = await pgPool().query<{ tablename: string }>(
    `select tablename from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`,
  );
  if (!rows.length) return;
  await pgPool().query(`truncate ${rows.map((r) => `"${r.tablename}"`).join(", ")} restart identity cascade`);
}

export async function closeConnections(): Promise<void> {
  await disconnectDb();
  await disconnectRedis();
}
