-- THE definition of available stock (DESIGN.md "Quantity states"), for one
-- stock level (its columns as arguments; lib/inventory/availability.ts
-- spells the call) at p_now. Every reader (stock info, storefront, catalogue,
-- stock events, admin tables, thresholds, alerts, bulk checks) takes a
-- level's figures from here, through lib/inventory/availability.ts:
--   reserved  = units in live cart holds: the level's counter minus units
--               parked in flash-sale buckets (still free, only promised to
--               the buckets) minus holds that expired and are not swept yet
--               (expired holds never count);
--   parked    = free units parked in flash-sale buckets (0 outside the mode);
--   available = stockroom_free(on hand - unavailable, safety stock, reserved,
--               committed):
--               may be negative when backorders / pre-orders promise more
--               than is on hand; a variant's available is max(0, Σ levels).
-- A single SELECT, STABLE, no SET clause: PostgreSQL inlines it into the
-- caller's query, so a lateral call costs two index probes per level with
-- units reserved (StockBucket by variant, StockReservation by (variantId,
-- expiresAt)) and none for the others.
CREATE OR REPLACE FUNCTION public.stockroom_level_stock(p_variant uuid, p_warehouse uuid, p_on_hand integer, p_reserved integer, p_safety integer, p_committed integer, p_unavailable integer, p_now timestamp with time zone)
 RETURNS TABLE(reserved integer, parked integer, available integer)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT x.live, x.parked,
    -- Two calls so that the common case passes plain columns and PostgreSQL
    -- inlines stockroom_free (an argument with a sub-select is not inlined).
    CASE WHEN p_reserved = 0 THEN stockroom_free(p_on_hand - p_unavailable, p_safety, 0, p_committed)
    ELSE stockroom_free(p_on_hand - p_unavailable, p_safety, x.live, p_committed) END
  FROM (SELECT
    -- reserved counts live holds, expired unswept holds and parked units, so a
    -- level with none reserved (most of a catalogue) needs neither lookup.
    CASE WHEN p_reserved = 0 THEN 0 ELSE p_reserved - (
      SELECT coalesce(sum(b."free"), 0)::int FROM "StockBucket" b
      WHERE b."variantId" = p_variant AND b."warehouseId" = p_warehouse) - (
      SELECT coalesce(sum(r."quantity"), 0)::int FROM "StockReservation" r
      WHERE r."variantId" = p_variant AND r."warehouseId" = p_warehouse AND r."expiresAt" <= p_now) END AS live,
    CASE WHEN p_reserved = 0 THEN 0 ELSE (
      SELECT coalesce(sum(b."free"), 0)::int FROM "StockBucket" b
      WHERE b."variantId" = p_variant AND b."warehouseId" = p_warehouse) END AS parked
  ) x
$function$
