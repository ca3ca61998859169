-- Units of one stock level a shopper may still take: sellable on hand (on
-- hand minus unavailable) less live holds and committed units (placed orders
-- not yet shipped, backordered ones included). Safety stock is withheld but
-- never pushes a warehouse below zero on its own; promises beyond on hand
-- (backorder holds, backordered orders) do make it negative.
CREATE OR REPLACE FUNCTION public.stockroom_free(p_sellable integer, p_safety integer, p_reserved integer, p_committed integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT least(greatest(p_sellable - p_reserved - p_committed - p_safety, 0), p_sellable - p_reserved - p_committed)
$function$
