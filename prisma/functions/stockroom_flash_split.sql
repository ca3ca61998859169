-- After a merge (locks held): parks each level's free units evenly in p_slots
-- buckets, creating missing bucket rows (a level added since the sale began).
CREATE OR REPLACE FUNCTION public.stockroom_flash_split(p_variant uuid, p_slots integer, p_now timestamp with time zone, p_actor text DEFAULT 'system'::text)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_total int := 0;
  r record;
BEGIN
  FOR r IN
    SELECT l."warehouseId", greatest(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed"), 0) AS free
    FROM "StockLevel" l WHERE l."variantId" = p_variant ORDER BY l."id"
  LOOP
    INSERT INTO "StockBucket" ("variantId", "warehouseId", "slot", "free", "createdBy", "createdAt")
    SELECT p_variant, r."warehouseId", s, r.free / p_slots + CASE WHEN s < r.free % p_slots THEN 1 ELSE 0 END, p_actor, p_now
    FROM generate_series(0, p_slots - 1) s
    ON CONFLICT ("variantId", "slot", "warehouseId") DO UPDATE SET "free" = EXCLUDED."free";
    IF r.free > 0 THEN
      UPDATE "StockLevel" SET "reserved" = "reserved" + r.free, "updatedAt" = p_now
      WHERE "variantId" = p_variant AND "warehouseId" = r."warehouseId";
    END IF;
    v_total := v_total + r.free;
  END LOOP;
  RETURN v_total;
END $function$
