import { pgPool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { afterStockChange } from "./after-commit";

export type HoldRequest = { variantId: string; sessionId: string; quantity: number; expiresAt: Date };
export type HoldOutcome = { code: "OK" | "INSUFFICIENT" | "NOT_FOUND"; held: number; net: number; maxHoldable: number };

type Pending = HoldRequest & { resolve: (outcome: HoldOutcome) => void; reject: (error: unknown) => void };
type Lane = { queue: Pending[]; running: boolean };

const MAX_BATCH = 256;
const LANES = 4;
const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

const SET_HOLDS_SQL = `select idx, code, held, net, max_holdable as "maxHoldable"
  from stockroom_set_holds($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz)`;

/**
 * Natural batching (group commit): each lane runs one stockroom_set_holds call
 * at a time; requests arriving meanwhile wait and go together in the next call,
 * one transaction and one WAL flush for all of them. Under no load a batch is a
 * single request, so nothing waits for a timer. Variants map to a fixed lane, so
 * lanes never contend for the same rows.
 */
const lanes: Lane[] = Array.from({ length: LANES }, () => ({ queue: [], running: false }));

function laneFor(variantId: string): Lane {
  let hash = 0;
  for (let i = 0; i < variantId.length; i++) hash = (hash * 31 + variantId.charCodeAt(i)) | 0;
  return lanes[Math.abs(hash) % LANES]!;
}

export function submitHold(request: HoldRequest): Promise<HoldOutcome> {
  return new Promise((resolve, reject) => {
    const lane = laneFor(request.variantId);
    lane.queue.push({ ...request, resolve, reject });
    if (!lane.running) void drain(lane);
  });
}

async function drain(lane: Lane) {
  lane.running = true;
  try {
    while (lane.queue.length) {
      const batch = lane.queue.splice(0, MAX_BATCH);
      try {
        const outcomes = await runBatch(batch);
        // Invalidate and publish before answering, without holding up the next batch.
        void settle(batch, outcomes);
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
  } finally {
    lane.running = false;
  }
}

async function runBatch(batch: Pending[], attempt = 1): Promise<HoldOutcome[]> {
  const now = new Date();
  try {
    const { rows } = await pgPool().query<HoldOutcome & { idx: number }>(SET_HOLDS_SQL, [
      batch.map((r) => r.variantId),
      batch.map((r) => r.sessionId),
      batch.map((r) => r.quantity),
      batch.map((r) => r.expiresAt),
      now,
    ]);
    const outcomes: HoldOutcome[] = new Array(batch.length);
    for (const { idx, ...outcome } of rows) outcomes[idx - 1] = outcome;
    return outcomes;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && RETRYABLE.has(code) && attempt < 4) {
      logger.warn("hold batch retried", { code, attempt, size: batch.length });
      return runBatch(batch, attempt + 1);
    }
    throw error;
  }
}

async function settle(batch: Pending[], outcomes: HoldOutcome[]) {
  const changed = batch.filter((_, i) => outcomes[i]?.code === "OK").map((r) => r.variantId);
  try {
    await afterStockChange(changed);
  } catch (error) {
    logger.warn("after-commit work failed for holds", { error: String(error) });
  }
  batch.forEach((request, i) => {
    const outcome = outcomes[i];
    if (outcome) request.resolve(outcome);
    else request.reject(new Error("hold batch returned no result for a request"));
  });
}
