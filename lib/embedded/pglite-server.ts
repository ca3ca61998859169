import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served over the Postgres wire
 * protocol, so the app, Prisma and migrations use it exactly like a server.
 * The socket server queues queries and keeps a connection's transaction
 * exclusive, so row locks and transactions behave as on PostgreSQL.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number; maxConnections: number }): Promise<EmbeddedDatabase> {
  await mkdir(path.dirname(options.dataDir), { recursive: true });
  const pglite = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: options.port, maxConnections: options.maxConnections });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
