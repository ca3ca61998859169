-- Free units per variant right now, for the after-commit step of every stock
-- change (lib/inventory/after-commit.ts): cache invalidation, stock events and
-- the low-stock / back-in-stock pre-filter.
--
-- It replaces an ad-hoc query sent unnamed from Node, which PostgreSQL parsed
-- and planned on every call (about 1 ms, most of the cost of a small hold
-- batch). A plpgsql function keeps its plan; the statement is driven by the
-- unnest of the ids, so the cached generic plan is a few index probes per
-- variant whatever the catalogue's size.
--
-- net: Σ over the variant's levels of stockroom_level_stock's available.
-- may_notify: a read-only pre-filter with the same conditions the alert
-- statements claim on (low stock "due"; back in stock "net > 0 and someone
-- waiting"); only those variants pay for the alert statements, which still
-- decide exactly-once themselves.
CREATE OR REPLACE FUNCTION public.stockroom_variant_nets(p_variants uuid[], p_default_threshold integer, p_debounce_seconds integer, p_now timestamp with time zone)
 RETURNS TABLE(variant_id uuid, product_id uuid, net integer, may_notify boolean)
 LANGUAGE plpgsql
 STABLE
 SET random_page_cost TO '1.1'
AS $function$
BEGIN
  RETURN QUERY
  SELECT v."id", v."productId", n.net,
    (coalesce(a."isActive", true) AND greatest(n.net, 0) <= coalesce(a."threshold", p_default_threshold)
      AND (a."lastAlertedAt" IS NULL OR a."lastAlertedAt" <= p_now - make_interval(secs => p_debounce_seconds)))
    OR (n.net > 0 AND EXISTS (SELECT 1 FROM "BackInStockRequest" b WHERE b."variantId" = v."id" AND b."notifiedAt" IS NULL))
  FROM (SELECT DISTINCT x.id FROM unnest(p_variants) AS x(id)) u
  JOIN "ProductVariant" v ON v."id" = u.id
  CROSS JOIN LATERAL (
    -- Free units per level: the one definition (stockroom_level_stock).
    SELECT coalesce(sum(s.available), 0)::int AS net
    FROM "StockLevel" l CROSS JOIN LATERAL
      stockroom_level_stock(l."variantId", l."warehouseId", l."onHand", l."reserved", l."safetyStock", l."committed", l."unavailable", p_now) s
    WHERE l."variantId" = v."id"
  ) n
  LEFT JOIN "LowStockAlert" a ON a."variantId" = v."id";
END $function$
