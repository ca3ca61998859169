import { enqueueStockNotificationsSafely } from "@/lib/alerts";
import { cacheKey, invalidate } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { publishStockEvents, type StockEvent } from "@/lib/events";

type VariantNet = { variantId: string; productId: string; net: number; mayNotify: boolean };

// Free units per variant right now. `reserved` counts every hold row (and, in
// flash-sale mode, the units parked in buckets, which are still free); the few
// expired-but-unswept ones are subtracted through the (variantId, expiresAt)
// index, so this stays cheap however many live holds a hot variant has.
// `mayNotify` is a read-only pre-filter with the same conditions the alert
// statements claim on (lib/alerts low-stock "due", waitlist "net > 0 and
// waiting"): only those variants pay for the two alert statements, which still
// decide exactly-once themselves. $2 default threshold, $3 debounce s, $4 now.
const NET_SQL = `
select n."variantId", n."productId", n.net,
  (coalesce(a."isActive", true) and greatest(n.net, 0) <= coalesce(a."threshold", $2::int)
     and (a."lastAlertedAt" is null or a."lastAlertedAt" <= $4::timestamptz - make_interval(secs => $3::int)))
  or (n.net > 0 and exists (select 1 from "BackInStockRequest" b where b."variantId" = n."variantId" and b."notifiedAt" is null))
  as "mayNotify"
from (
  select v."id" as "variantId", v."productId",
    coalesce(sum(stockroom_free(l."onHand", l."safetyStock",
      l."reserved" - stockroom_parked(l."variantId", l."warehouseId") - coalesce(x.expired, 0)::int, l."backordered")), 0)::int as net
  from "ProductVariant" v
  left join "StockLevel" l on l."variantId" = v."id"
  left join (select r."variantId", r."warehouseId", sum(r."quantity") as expired from "StockReservation" r
    where r."variantId" = any($1::uuid[]) and r."expiresAt" <= $4::timestamptz group by 1, 2) x
    on x."variantId" = l."variantId" and x."warehouseId" = l."warehouseId"
  where v."id" = any($1::uuid[])
  group by v."id"
) n
left join "LowStockAlert" a on a."variantId" = n."variantId"`;

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
 * `awaitEvents: false` (hold batches) answers once the cache is invalidated
 * and alerts are queued, while the events are still being published.
 */
export async function afterStockChange(variantIds: Iterable<string>, { awaitEvents = true } = {}): Promise<void> {
  const ids = [...new Set(variantIds)];
  if (!ids.length) return;
  const now = new Date();
  const known = ids.every((id) => productOf.has(id));
  const early = known ? invalidate([...new Set(ids.map((id) => cacheKey.productStock(productOf.get(id)!)))]) : null;
  // Unnamed on purpose: a cached generic plan of this query scans every stock level.
  const { rows } = await pgPool().query<VariantNet>(NET_SQL, [ids, env.LOW_STOCK_DEFAULT_THRESHOLD, env.ALERT_DEBOUNCE_SECONDS, now]);
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
  const invalidated = early ?? invalidate([...new Set(rows.map((r) => cacheKey.productStock(r.productId)))]);
  const published = invalidated.then(() => publishStockEvents(events));
  await Promise.all([candidates.length ? enqueueStockNotificationsSafely(candidates) : null, awaitEvents ? published : invalidated]);
}
