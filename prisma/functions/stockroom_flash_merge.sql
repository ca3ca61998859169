-- Locks the variant's levels and buckets and returns every parked unit to its
-- level. Returns the number of slots (0: not in flash-sale mode).
CREATE OR REPLACE FUNCTION public.stockroom_flash_merge(p_variant uuid, p_now timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_slots int;
BEGIN
  PERFORM 1 FROM "StockLevel" WHERE "variantId" = p_variant ORDER BY "id" FOR UPDATE;
  SELECT count(DISTINCT b."slot")::int INTO v_slots FROM (
    SELECT "slot" FROM "StockBucket" WHERE "variantId" = p_variant ORDER BY "slot", "warehouseId" FOR UPDATE
  ) b;
  IF v_slots = 0 THEN
    RETURN 0;
  END IF;
  UPDATE "StockLevel" l SET "reserved" = l."reserved" - p.parked, "updatedAt" = p_now
  FROM (SELECT "warehouseId", sum("free")::int AS parked FROM "StockBucket" WHERE "variantId" = p_variant GROUP BY 1) p
  WHERE l."variantId" = p_variant AND l."warehouseId" = p."warehouseId" AND p.parked <> 0;
  UPDATE "StockBucket" SET "free" = 0 WHERE "variantId" = p_variant AND "free" <> 0;
  RETURN v_slots;
END $function$
