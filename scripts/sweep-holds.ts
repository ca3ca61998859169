// npm run sweep — one pass of the expired-hold sweeper (the app also runs it every 15 s).
import { disconnectDb } from "../lib/db";
import { sweepExpiredHolds } from "../lib/inventory/holds/sweeper";
import { disconnectRedis } from "../lib/redis";

sweepExpiredHolds()
  .then(async (result) => {
    console.log(`released ${result.released} expired hold(s) on ${result.variants} variant(s)`);
    await disconnectDb();
    await disconnectRedis();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
