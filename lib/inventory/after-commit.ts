import { enqueueStockNotificationsSafely } from "@/lib/alerts";
import { cacheKey, invalidate } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { publishStockEvents, type StockEvent } from "@/lib/events";

export type VariantNet = { variantId: string; productId: string; net: number; mayNotify: boolean };

// Free units per variant right now, and whether an alert might be due: see
// prisma/functions/stockroom_variant_nets.sql. Named, so each pooled connection parses it once.
const VARIANT_NETS = {
  name: "stockroom_variant_nets",
  text: `select variant_id as "variantId", product_id as "productId", net, may_notify as "mayNotify"
    from stockroom_variant_nets($1::uuid[], $2::int, $3::int, $4::timestamptz)`,
};

// A variant never moves to another product, so its product id may be
// remembered (for invalidating before the net query returns); nothing about
// stock is remembered.
const productOf = new Map<string, string>();

/**
 * Rule 4 of DESIGN.md: only after the transaction commits, drop the cached
 * stock of every touched product and tell every app instance what changed.
 * Callers await this before answering, so a read after a write is fresh.
 * Also the one place every stock change passes through after commit, so the
 * low-stock / back-in-stock check runs here too (exactly-once is decided in
 * the database, so repeating a check already done in-transaction is a no-op).
 */
export async function afterStockChange(variantIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(variantIds)];
  if (!ids.length) return;
  const now = new Date();
  const known = ids.every((id) => productOf.has(id));
  const early = known ? invalidate([...new Set(ids.map((id) => cacheKey.productStock(productOf.get(id)!)))]) : null;
  const { rows } = await pgPool().query<VariantNet>({
    ...VARIANT_NETS,
    values: [ids, env.LOW_STOCK_DEFAULT_THRESHOLD, env.ALERT_DEBOUNCE_SECONDS, now],
  });
  await afterNetsKnown(rows, { now, invalidated: early });
}

/**
 * The after-commit step for changes whose free units are already known (hold
 * batches compute them in their transaction, see prisma/functions/stockroom_hold_batch.sql).
 * `awaitEvents: false` (hold batches) answers once the cache is invalidated
 * and alerts are queued, while the events are still being published.
 */
export async function afterNetsKnown(
  rows: VariantNet[],
  { now = new Date(), awaitEvents = true, invalidated = null as Promise<void> | null } = {},
): Promise<void> {
  if (productOf.size > 50_000) productOf.clear();
  for (const row of rows) productOf.set(row.variantId, row.productId);
  const candidates = rows.filter((r) => r.mayNotify).map((r) => r.variantId);
  const at = now.toISOString();
  const events: StockEvent[] = rows.map((r) => ({
    type: "stock.changed",
    productId: r.productId,
    variantId: r.variantId,
    available: Math.max(0, r.net),
    at,
  }));
  const done = invalidated ?? invalidate([...new Set(rows.map((r) => cacheKey.productStock(r.productId)))]);
  const published = done.then(() => publishStockEvents(events));
  await Promise.all([candidates.length ? enqueueStockNotificationsSafely(candidates) : null, awaitEvents ? published : done]);
}
