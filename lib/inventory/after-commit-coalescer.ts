import { logger } from "@/lib/logger";
import { afterStockChange } from "./after-commit";

type Waiter = { variantIds: string[]; done: () => void };

let waiting: Waiter[] = [];
let running = false;

/**
 * afterStockChange for hold batches, single-flight per process: batches that
 * commit while a run is in progress share the next run, so many concurrent
 * lanes cost one net query, one alert check and one cache/event round instead
 * of one each. A caller's promise resolves only after a run that STARTED after
 * its commit has finished, so rule 4 (read after write is fresh) still holds.
 * Never rejects: the holds are committed whatever happens here.
 */
export function afterHoldsCommitted(variantIds: string[]): Promise<void> {
  if (!variantIds.length) return Promise.resolve();
  return new Promise((done) => {
    waiting.push({ variantIds, done });
    if (!running) void drain();
  });
}

async function drain() {
  running = true;
  try {
    while (waiting.length) {
      const round = waiting;
      waiting = [];
      try {
        await afterStockChange(round.flatMap((w) => w.variantIds));
      } catch (error) {
        logger.warn("after-commit work failed for holds", { error: String(error) });
      }
      for (const waiter of round) waiter.done();
    }
  } finally {
    running = false;
  }
}
