-- Units of one stock level a shopper may still take. Safety stock is withheld
-- but never pushes a warehouse below zero on its own; promises beyond on-hand
-- (backorder holds, backordered sales) do make it negative.
CREATE OR REPLACE FUNCTION public.stockroom_free(p_on_hand integer, p_safety integer, p_reserved integer, p_backordered integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$
  SELECT least(greatest(p_on_hand - p_reserved - p_backordered - p_safety, 0), p_on_hand - p_reserved - p_backordered)
$function$
