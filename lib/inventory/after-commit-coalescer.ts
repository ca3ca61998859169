import { logger } from "@/lib/logger";
import { afterStockChange } from "./after-commit";

type Waiter = { variantIds: string[]; done: () => void };

const MAX_ROUNDS = 2;
let waiting: Waiter[] = [];
let rounds = 0;

/**
 * afterStockChange for hold batches, coalesced per process: batches that
 * commit while MAX_ROUNDS rounds are in progress share the next round, so many
 * concurrent lanes cost one net query, one alert check and one cache/event
 * round instead of one each, and a busy moment adds at most one round of
 * waiting. A caller's promise resolves only after a round that STARTED after
 * its commit has invalidated the cache, so rule 4 (read after write is fresh)
 * still holds; the events of that round may still be on their way.
 * Never rejects: the holds are committed whatever happens here.
 */
export function afterHoldsCommitted(variantIds: string[]): Promise<void> {
  if (!variantIds.length) return Promise.resolve();
  return new Promise((done) => {
    waiting.push({ variantIds, done });
    if (rounds < MAX_ROUNDS) void runRound();
  });
}

async function runRound() {
  rounds += 1;
  try {
    while (waiting.length) {
      const round = waiting;
      waiting = [];
      try {
        await afterStockChange(round.flatMap((w) => w.variantIds), { awaitEvents: false });
      } catch (error) {
        logger.warn("after-commit work failed for holds", { error: String(error) });
      }
      for (const waiter of round) waiter.done();
    }
  } finally {
    rounds -= 1;
  }
}
