-- Units of one level parked in its buckets (0 outside flash-sale mode).
CREATE OR REPLACE FUNCTION public.stockroom_parked(p_variant uuid, p_warehouse uuid)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  SELECT coalesce(sum("free"), 0)::int FROM "StockBucket" WHERE "variantId" = p_variant AND "warehouseId" = p_warehouse
$function$
