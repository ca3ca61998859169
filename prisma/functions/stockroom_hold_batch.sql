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
CREATE OR REPLACE FUNCTION public.stockroom_hold_batch(p_variants uuid[], p_sessions text[], p_quantities integer[], p_expires_at timestamp with time zone[], p_now timestamp with time zone, p_slots integer[], p_exact boolean, p_default_threshold integer, p_debounce_seconds integer)
 RETURNS TABLE(idx integer, code text, held integer, net integer, max_holdable integer, buckets integer, product_id uuid, variant_net integer, may_notify boolean)
 LANGUAGE plpgsql
 SET random_page_cost TO '1.1'
AS $function$
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
END $function$
