// Where this checkout keeps its embedded database, and how CLI scripts
// (ledger:verify, sweep, worker, db:seed) reach it when DATABASE_URL is unset.
import path from "node:path";
import { Client } from "pg";
import type { EmbeddedDatabase } from "../lib/embedded/postgres-server";

export const DATA_DIR = path.resolve(process.env.STOCKROOM_DATA_DIR || ".data");

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_DB_PORT || "54329";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`EMBEDDED_DB_PORT must be a port number (1-65535), not "${raw}"`);
  }
  return port;
}

/** Starts this checkout's embedded PostgreSQL; start-up problems become one readable line. */
export async function startEmbedded(onLog?: (line: string) => void): Promise<EmbeddedDatabase> {
  const { startEmbeddedDatabase } = await import("../lib/embedded/postgres-server");
  return startEmbeddedDatabase({ dataDir: DATA_DIR, port: embeddedPort(), onLog });
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * For CLI scripts: DATABASE_URL if set; otherwise the embedded database of
 * this checkout — the one `npm start` is running, or started for the duration
 * of the script. Sets process.env.DATABASE_URL (import lib/* only afterwards).
 */
export async function connectDatabase(): Promise<{ release: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { release: async () => {} };
  const { embeddedDatabaseUrl } = await import("../lib/embedded/postgres-server");
  const running = await embeddedDatabaseUrl(DATA_DIR, embeddedPort());
  if (running && (await reachable(running))) {
    process.env.DATABASE_URL = running;
    return { release: async () => {} };
  }
  const embedded = await startEmbedded();
  if (embedded.created) {
    await embedded.stop();
    throw new Error("this checkout has no embedded database yet: run `npm start` once (or set DATABASE_URL)");
  }
  process.env.DATABASE_URL = embedded.url;
  return { release: embedded.stop };
}
