-- Admin switch: p_slots >= 2 starts (or re-splits) flash-sale mode, 0 ends it
-- (every parked unit merged back). Returns the units parked.
CREATE OR REPLACE FUNCTION public.stockroom_flash_configure(p_variant uuid, p_slots integer, p_now timestamp with time zone, p_actor text)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM stockroom_flash_merge(p_variant, p_now);
  -- Expired holds would otherwise stay parked-out until the sweeper runs.
  PERFORM stockroom_reclaim_expired(p_variant, p_now);
  DELETE FROM "StockBucket" WHERE "variantId" = p_variant;
  IF p_slots = 0 THEN
    RETURN 0;
  END IF;
  RETURN stockroom_flash_split(p_variant, p_slots, p_now, p_actor);
END $function$
