-- Hold batches commit without waiting for their WAL flush.
--
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
-- SET LOCAL semantics: set_config(..., true) lasts until the transaction ends,
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
