import { pgPool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import type { VariantNet } from "../after-commit";
import { afterHoldsCommitted } from "./after-commit-coalescer";

export type HoldRequest = { variantId: string; sessionId: string; quantity: number; expiresAt: Date };
export type HoldOutcome = { code: "OK" | "INSUFFICIENT" | "NOT_FOUND"; held: number; net: number; maxHoldable: number };

type Row = {
  idx: number;
  code: HoldOutcome["code"] | "RETRY";
  held: number;
  net: number;
  maxHoldable: number;
  buckets: number;
  // OK rows: the variant's product and figures after the whole batch (see prisma/functions/stockroom_hold_batch.sql).
  productId: string | null;
  variantNet: number | null;
  mayNotify: boolean | null;
};
type Pending = HoldRequest & { slot: number; exact: boolean; resolve: (outcome: HoldOutcome) => void; reject: (error: unknown) => void };
type Lane = { key: string; queue: Pending[]; running: boolean };

const MAX_BATCH = 256;
// Two lanes: while one batch runs in PostgreSQL the other lane's callers are
// being answered and its next batch built, so both cores work (more lanes
// mean smaller batches; figures in bench/README.md). No lane waits for row locks: a variant whose
// levels another transaction holds is answered RETRY and decided on its own
// exact lane (prisma/functions/stockroom_set_holds.sql), so it cannot stall other shoppers.
const LANES = 2;
// Transactions per flash-sale variant in one process. Its buckets exist for
// parallelism ACROSS processes and connections (each process starts at a
// random bucket offset); inside one process a single lane with natural batching
// measured best (bench/README.md).
const FLASH_LANES = 1;
const SLOT_OFFSET = Math.floor(Math.random() * 1024); // the database takes slots modulo the variant's bucket count
const SETTLE_WAIT_MS = 2;
const RETRYABLE = new Set(["40P01", "40001"]); // deadlock, serialization failure

const HOLD_BATCH = {
  name: "stockroom_hold_batch",
  text: `select idx, code, held, net, max_holdable as "maxHoldable", buckets,
      product_id as "productId", variant_net as "variantNet", may_notify as "mayNotify"
    from stockroom_hold_batch($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz, $6::int[], $7::boolean, $8::int, $9::int)`,
};

/**
 * Natural batching (group commit): each lane runs one stockroom_hold_batch call
 * at a time; requests arriving meanwhile wait and go together in the next call,
 * one transaction for all of them (committed without waiting for the WAL flush:
 * see prisma/functions/stockroom_hold_batch.sql). Under no load a batch is a single request, so
 * nothing waits for a timer.
 *
 * Lanes: ordinary variants map to one of LANES fixed lanes (so lanes never
 * contend for the same level rows), and a variant locked elsewhere is sent to
 * its exact lane rather than waited for. A variant in flash-sale mode (the database
 * reports its bucket count with every answer) gets lanes of its own, each with
 * a home bucket, so a hot SKU neither waits behind nor holds up ordinary
 * variants, and several processes draw from different buckets at once. This is
 * routing only: every decision is made in PostgreSQL, and a stale hint merely
 * sends a request down a slower lane. Requests the bucket path cannot decide
 * (RETRY) go to the variant's exact lane.
 */
const lanes = new Map<string, Lane>();
const flashSlots = new Map<string, number>();

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function route(request: Pending): string {
  if (request.exact) return `exact:${request.variantId}`;
  const slots = flashSlots.get(request.variantId);
  if (!slots) return `lane:${hash(request.variantId) % LANES}`;
  const lane = hash(request.sessionId) % Math.min(slots, FLASH_LANES);
  request.slot = SLOT_OFFSET + lane; // the lane's home bucket: one bucket row per batch
  return `flash:${request.variantId}:${lane}`;
}

function enqueue(request: Pending) {
  const key = route(request);
  let lane = lanes.get(key);
  if (!lane) lanes.set(key, (lane = { key, queue: [], running: false }));
  lane.queue.push(request);
  if (!lane.running) void drain(lane);
}

export function submitHold(request: HoldRequest): Promise<HoldOutcome> {
  return new Promise((resolve, reject) => {
    enqueue({ ...request, slot: SLOT_OFFSET, exact: false, resolve, reject });
  });
}

async function drain(lane: Lane) {
  lane.running = true;
  try {
    while (lane.queue.length) {
      const batch = lane.queue.splice(0, MAX_BATCH);
      try {
        const rows = await runBatch(batch);
        await answeredOrTimeout(settle(batch, rows));
        // Let the callers just answered run on (a cart flow's next hold joins the next batch).
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        for (const request of batch) request.reject(error);
      }
    }
  } finally {
    lane.running = false;
    if (!lane.queue.length) lanes.delete(lane.key);
  }
}

/**
 * The lane takes its next batch once this batch's callers are answered (cache
 * invalidated), not the moment it commits: callers that go on to hold again
 * then make the very next batch, so batches are larger at the same cadence
 * (bench/README.md). The wait is capped, so a slow Redis cannot slow the lane down.
 */
async function answeredOrTimeout(answered: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([answered, new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTLE_WAIT_MS)))]);
  clearTimeout(timer);
}

async function runBatch(batch: Pending[], attempt = 1): Promise<Row[]> {
  const now = new Date();
  try {
    const { rows } = await pgPool().query<Row>({
      ...HOLD_BATCH,
      values: [
        batch.map((r) => r.variantId),
        batch.map((r) => r.sessionId),
        batch.map((r) => r.quantity),
        batch.map((r) => r.expiresAt),
        now,
        batch.map((r) => r.slot),
        batch[0]!.exact,
        env.LOW_STOCK_DEFAULT_THRESHOLD,
        env.ALERT_DEBOUNCE_SECONDS,
      ],
    });
    const byIndex: Row[] = new Array(batch.length);
    for (const row of rows) byIndex[row.idx - 1] = row;
    return byIndex;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && RETRYABLE.has(code) && attempt < 4) {
      logger.warn("hold batch retried", { code, attempt, size: batch.length });
      return runBatch(batch, attempt + 1);
    }
    throw error;
  }
}

async function settle(batch: Pending[], rows: Row[]) {
  const answered: Array<[Pending, HoldOutcome]> = [];
  const changes: VariantNet[] = [];
  batch.forEach((request, i) => {
    const row = rows[i];
    if (!row) return request.reject(new Error("hold batch returned no result for a request"));
    if (row.buckets > 0) flashSlots.set(request.variantId, row.buckets);
    else if (row.code !== "RETRY") flashSlots.delete(request.variantId);
    if (row.code === "RETRY") return enqueue({ ...request, exact: true });
    answered.push([request, { code: row.code, held: row.held, net: row.net, maxHoldable: row.maxHoldable }]);
    if (row.code === "OK" && row.productId !== null) {
      changes.push({ variantId: request.variantId, productId: row.productId, net: row.variantNet ?? 0, mayNotify: row.mayNotify === true });
    }
  });
  await afterHoldsCommitted(changes);
  for (const [request, outcome] of answered) request.resolve(outcome);
}
