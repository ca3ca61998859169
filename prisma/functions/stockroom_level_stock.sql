-- THE definition of available stock (DESIGN.md "Quantity states"), for one
-- stock level at p_now. Every reader (stock info, storefront, catalogue,
-- stock events, admin tables, thresholds, alerts, bulk checks) takes a
-- level's figures from here, through lib/inventory/availability.ts:
--   reserved  = units in live cart holds: the level's counter minus units
--               parked in flash-sale buckets (still free, only promised to
--               the buckets) minus holds that expired and are not swept yet
--               (expired holds never count);
--   parked    = free units parked in flash-sale buckets (0 outside the mode);
--   available = stockroom_free(on hand, safety stock, reserved, backordered):
--               may be negative when backorders / pre-orders promise more
--               than is on hand; a variant's available is max(0, Σ levels).
-- A single SELECT, STABLE, no SET clause: PostgreSQL inlines it into the
-- caller's query, so a lateral call costs two index probes per level
-- (StockBucket by variant, StockReservation by (variantId, expiresAt)).
CREATE OR REPLACE FUNCTION public.stockroom_level_stock(p_level "StockLevel", p_now timestamp with time zone)
 RETURNS TABLE(reserved integer, parked integer, available integer)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT q.live, q.parked, stockroom_free((p_level)."onHand", (p_level)."safetyStock", q.live, (p_level)."backordered")
  FROM (
    SELECT (p_level)."reserved" - pk.parked - ex.expired AS live, pk.parked
    FROM (SELECT coalesce(sum(b."free"), 0)::int AS parked FROM "StockBucket" b
          WHERE b."variantId" = (p_level)."variantId" AND b."warehouseId" = (p_level)."warehouseId") pk,
         (SELECT coalesce(sum(r."quantity"), 0)::int AS expired FROM "StockReservation" r
          WHERE r."variantId" = (p_level)."variantId" AND r."warehouseId" = (p_level)."warehouseId" AND r."expiresAt" <= p_now) ex
  ) q
$function$
