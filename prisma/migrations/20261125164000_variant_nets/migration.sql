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
-- net: Σ over the variant's levels of free stock, where `reserved` leaves out
-- units parked in flash-sale buckets (still free) and expired holds the
-- sweeper has not reclaimed yet (no longer promised).
-- may_notify: a read-only pre-filter with the same conditions the alert
-- statements claim on (low stock "due"; back in stock "net > 0 and someone
-- waiting"); only those variants pay for the alert statements, which still
-- decide exactly-once themselves.
CREATE OR REPLACE FUNCTION stockroom_variant_nets(
  p_variants uuid[], p_default_threshold int, p_debounce_seconds int, p_now timestamptz
) RETURNS TABLE (variant_id uuid, product_id uuid, net int, may_notify boolean)
-- random_page_cost: see migration hold_path_page_cost.
LANGUAGE plpgsql STABLE SET random_page_cost = 1.1 AS $$
BEGIN
  RETURN QUERY
  SELECT v."id", v."productId", n.net,
    (coalesce(a."isActive", true) AND greatest(n.net, 0) <= coalesce(a."threshold", p_default_threshold)
      AND (a."lastAlertedAt" IS NULL OR a."lastAlertedAt" <= p_now - make_interval(secs => p_debounce_seconds)))
    OR (n.net > 0 AND EXISTS (SELECT 1 FROM "BackInStockRequest" b WHERE b."variantId" = v."id" AND b."notifiedAt" IS NULL))
  FROM (SELECT DISTINCT x.id FROM unnest(p_variants) AS x(id)) u
  JOIN "ProductVariant" v ON v."id" = u.id
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock",
      l."reserved" - coalesce(pk.parked, 0) - coalesce(ex.expired, 0), l."backordered")), 0)::int AS net
    FROM "StockLevel" l
    LEFT JOIN (
      SELECT b."warehouseId", sum(b."free")::int AS parked FROM "StockBucket" b
      WHERE b."variantId" = v."id" GROUP BY 1
    ) pk ON pk."warehouseId" = l."warehouseId"
    -- By (variantId, expiresAt): a hot variant has many live holds and few expired ones.
    LEFT JOIN (
      SELECT r."warehouseId", sum(r."quantity")::int AS expired FROM "StockReservation" r
      WHERE r."variantId" = v."id" AND r."expiresAt" <= p_now GROUP BY 1
    ) ex ON ex."warehouseId" = l."warehouseId"
    WHERE l."variantId" = v."id"
  ) n
  LEFT JOIN "LowStockAlert" a ON a."variantId" = v."id";
END $$;

-- stockroom_set_holds plus, for every variant it admitted a change for, what
-- the after-commit step needs (product, free units, may_notify), computed in
-- the same transaction under the same locks: a hold batch then costs one
-- statement instead of two, and the caller answers as soon as the cache is
-- invalidated. For an ordinary variant the figures are exact at commit (its
-- levels stay locked until then); for one in flash-sale mode other lanes may
-- be drawing from its buckets meanwhile, so they are a report, as before.
--
-- It also commits without waiting for its WAL flush (synchronous_commit off).
-- A hold is a 15-minute promise, and what a shopper is told rests on more
-- than the hold: the cart action records the cart line right after the hold,
-- in an ordinary (synchronous) transaction, whose flush also makes every
-- earlier commit durable, the hold's included (WAL is flushed in order).
-- Checkout (commitReservation) and every stock operation stay synchronous. So
-- a PostgreSQL crash can lose only holds from the last moment (at most about
-- three wal_writer_delay periods) whose callers had not yet been answered
-- through a cart; atomicity is untouched, so the ledger stays exact. In
-- exchange a batch no longer waits for the disk: reserve-spread +5-10%.
--
-- set_config(..., true) is SET LOCAL: it lasts until the transaction ends,
-- i.e. the commit of the statement that called this function.
CREATE OR REPLACE FUNCTION stockroom_hold_batch(
  p_variants uuid[], p_sessions text[], p_quantities int[], p_expires_at timestamptz[], p_now timestamptz,
  p_slots int[], p_exact boolean, p_default_threshold int, p_debounce_seconds int
) RETURNS TABLE (
  idx int, code text, held int, net int, max_holdable int, buckets int,
  product_id uuid, variant_net int, may_notify boolean
)
LANGUAGE plpgsql SET random_page_cost = 1.1 AS $$
DECLARE
  a_idx int[];
  a_code text[];
  a_held int[];
  a_net int[];
  a_max int[];
  a_buckets int[];
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  SELECT array_agg(h.idx), array_agg(h.code), array_agg(h.held), array_agg(h.net), array_agg(h.max_holdable), array_agg(h.buckets)
  INTO a_idx, a_code, a_held, a_net, a_max, a_buckets
  FROM stockroom_set_holds(p_variants, p_sessions, p_quantities, p_expires_at, p_now, p_slots, p_exact) h;
  -- A separate statement, so it sees the holds just written.
  RETURN QUERY
  SELECT u.i, u.c, u.h, u.n, u.m, u.b, vn.product_id, vn.net, vn.may_notify
  FROM unnest(a_idx, a_code, a_held, a_net, a_max, a_buckets) AS u(i, c, h, n, m, b)
  LEFT JOIN stockroom_variant_nets(
    ARRAY(SELECT DISTINCT p_variants[x.i] FROM unnest(a_idx, a_code) AS x(i, c) WHERE x.c = 'OK'),
    p_default_threshold, p_debounce_seconds, p_now
  ) vn ON u.c = 'OK' AND vn.variant_id = p_variants[u.i];
END $$;
