import { enqueueStockNotificationsSafely } from "@/lib/alerts";
import { cacheKey, invalidate } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { publishStockEvents, type StockEvent } from "@/lib/events";

type VariantNet = { variantId: string; productId: string; net: number };

// Free units per variant right now. `reserved` counts every hold row (and, in
// flash-sale mode, the units parked in buckets, which are still free); the few
// expired-but-unswept ones are subtracted through the (variantId, expiresAt)
// index, so this stays cheap however many live holds a hot variant has.
const NET_SQL = `
select v."id" as "variantId", v."productId",
  coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved" - stockroom_parked(l."variantId", l."warehouseId") - coalesce(x.expired, 0)::int, l."backordered")), 0)::int as net
from "ProductVariant" v
left join "StockLevel" l on l."variantId" = v."id"
left join (select r."variantId", r."warehouseId", sum(r."quantity") as expired from "StockReservation" r
  where r."variantId" = any($1::uuid[]) and r."expiresAt" <= now() group by 1, 2) x
  on x."variantId" = l."variantId" and x."warehouseId" = l."warehouseId"
where v."id" = any($1::uuid[])
group by v."id"`;

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
  const [{ rows }] = await Promise.all([pgPool().query<VariantNet>(NET_SQL, [ids]), enqueueStockNotificationsSafely(ids)]);
  await invalidate([...new Set(rows.map((r) => cacheKey.productStock(r.productId)))]);
  const at = new Date().toISOString();
  const events: StockEvent[] = rows.map((r) => ({
    type: "stock.changed",
    productId: r.productId,
    variantId: r.variantId,
    available: Math.max(0, r.net),
    at,
  }));
  await publishStockEvents(events);
}
