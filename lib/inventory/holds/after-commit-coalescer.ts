import { logger } from "@/lib/logger";
import { afterNetsKnown, type VariantNet } from "../after-commit";

type Waiter = { changes: VariantNet[]; done: () => void };

const MAX_ROUNDS = 2;
let waiting: Waiter[] = [];
let rounds = 0;

/**
 * The after-commit step for hold batches, coalesced per process: batches that
 * commit while MAX_ROUNDS rounds are in progress share the next round, so many
 * concurrent lanes cost one cache/event round instead of one each, and a busy
 * moment adds at most one round of waiting. A caller's promise resolves only
 * after a round that STARTED after its commit has invalidated the cache, so
 * rule 4 (read after write is fresh) still holds; the events of that round may
 * still be on their way. Within a round the latest figures of a variant win
 * (batches of one variant commit in the order they are handed in here).
 * Never rejects: the holds are committed whatever happens here.
 */
export function afterHoldsCommitted(changes: VariantNet[]): Promise<void> {
  if (!changes.length) return Promise.resolve();
  return new Promise((done) => {
    waiting.push({ changes, done });
    if (rounds < MAX_ROUNDS) void runRound();
  });
}

async function runRound() {
  rounds += 1;
  try {
    while (waiting.length) {
      const round = waiting;
      waiting = [];
      const latest = new Map<string, VariantNet>();
      for (const waiter of round) for (const change of waiter.changes) latest.set(change.variantId, change);
      try {
        await afterNetsKnown([...latest.values()], { awaitEvents: false });
      } catch (error) {
        logger.warn("after-commit work failed for holds", { error: String(error) });
      }
      for (const waiter of round) waiter.done();
    }
  } finally {
    rounds -= 1;
  }
}
