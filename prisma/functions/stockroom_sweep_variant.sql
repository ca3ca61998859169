-- Background sweep of one variant: same lock order as a hold; in flash-sale
-- mode the freed units are parked in the buckets again.
CREATE OR REPLACE FUNCTION public.stockroom_sweep_variant(p_variant uuid, p_now timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 SET random_page_cost TO '1.1'
AS $function$
DECLARE
  v_slots int;
  v_freed int;
BEGIN
  v_slots := stockroom_flash_merge(p_variant, p_now);
  v_freed := stockroom_reclaim_expired(p_variant, p_now);
  IF v_slots > 0 THEN
    PERFORM stockroom_flash_split(p_variant, v_slots, p_now);
  END IF;
  RETURN v_freed;
END $function$
