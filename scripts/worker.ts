// npm run worker — the outbox worker as its own long-running process: delivers
// alert and back-in-stock notifications, retries with backoff, dead-letters,
// and periodically re-checks every variant for alerts. Run as many as you like.
import { disconnectDb } from "../lib/db";
import { logger } from "../lib/logger";
import { startOutboxWorker } from "../lib/outbox";
import { disconnectRedis } from "../lib/redis";

const worker = startOutboxWorker();
logger.info("outbox worker started", { pid: process.pid });
console.log(`outbox worker running (pid ${process.pid}); Ctrl+C to stop`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the current batch…`);
  await worker.stop();
  await disconnectDb();
  await disconnectRedis();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
