import { env } from "@/lib/env";
import { thresholdSql } from "@/lib/inventory/availability";
import { runSql, VARIANT_NET_CTE, type Tx } from "./sql";

export type LowStockAlertFired = { variantId: string; sku: string; available: number; threshold: number; notifications: number };

/*
 * Decides "alert now?" and records it in ONE statement, so the database, not
 * process memory, guarantees one alert per variant per debounce window:
 *
 * - The INSERT … ON CONFLICT DO UPDATE … WHERE on LowStockAlert is the claim.
 *   Two evaluators racing for one variant (same process, other instances, the
 *   worker's reconciliation) serialise on that row: the second waits for the
 *   first to commit, re-checks `lastAlertedAt` against the committed value and
 *   claims nothing. A variant with no row yet gets one (with the default
 *   threshold) through the same path; the unique (variantId) index makes
 *   concurrent first inserts collapse into one.
 * - Outbox rows (one per enabled channel) are written by the same statement,
 *   so a claimed alert without notifications cannot exist.
 * - Rows are claimed in variant-id order, so two multi-variant evaluations
 *   cannot deadlock on each other.
 *
 * $1 variant ids (null = all), $2 now, $3 default threshold, $4 window seconds.
 */
const LOW_STOCK_SQL = `
with ${VARIANT_NET_CTE},
due as (
  select n."variantId", n."sku", n."title", n."productName", greatest(n.net, 0) as available,
    ${thresholdSql("a", "$3::int")} as threshold
  from net n left join "LowStockAlert" a on a."variantId" = n."variantId"
  where coalesce(a."isActive", true)
    -- With no enabled channel nothing would be sent: claiming anyway would
    -- show a "last alert" that never went out and silence the first real one.
    and exists (select 1 from "AlertChannel" c where c."enabled")
    and greatest(n.net, 0) <= ${thresholdSql("a", "$3::int")}
    and (a."lastAlertedAt" is null or a."lastAlertedAt" <= $2::timestamptz - make_interval(secs => $4::int))
  order by n."variantId"
), claimed as (
  insert into "LowStockAlert" ("variantId", "threshold", "lastAlertedAt")
  select d."variantId", d.threshold, $2::timestamptz from due d
  on conflict ("variantId") do update set "lastAlertedAt" = excluded."lastAlertedAt"
  where "LowStockAlert"."isActive"
    and ("LowStockAlert"."lastAlertedAt" is null or "LowStockAlert"."lastAlertedAt" <= $2::timestamptz - make_interval(secs => $4::int))
  returning "variantId"
), queued as (
  insert into "Notification" ("kind", "channelId", "payload")
  select 'LOW_STOCK', c."id", jsonb_build_object(
    'type', 'low_stock', 'variantId', d."variantId", 'sku', d."sku", 'variantTitle', d."title",
    'productName', d."productName", 'available', d.available, 'threshold', d.threshold, 'at', $2::timestamptz)
  from claimed k join due d on d."variantId" = k."variantId"
  cross join "AlertChannel" c where c."enabled"
  returning "payload"->>'variantId' as "variantId"
)
select d."variantId", d."sku", d.available, d.threshold,
  (select count(*) from queued q where q."variantId" = d."variantId"::text)::int as notifications
from claimed k join due d on d."variantId" = k."variantId"`;

export type EnqueueOptions = { tx?: Tx; now?: Date };

/**
 * Low-stock check for the given variants (null = every stocked variant, used
 * by the worker's periodic reconciliation). Safe to call any number of times:
 * at most one alert per variant per ALERT_DEBOUNCE_SECONDS.
 */
export async function enqueueLowStockAlerts(variantIds: string[] | null, { tx, now = new Date() }: EnqueueOptions = {}): Promise<LowStockAlertFired[]> {
  if (variantIds && !variantIds.length) return [];
  const ids = variantIds ? [...new Set(variantIds)] : null;
  return runSql<LowStockAlertFired>(tx, LOW_STOCK_SQL, [ids, now, env.LOW_STOCK_DEFAULT_THRESHOLD, env.ALERT_DEBOUNCE_SECONDS]);
}
