-- Many holds in one transaction (group commit, see lib/inventory/holds/hold-batcher.ts).
-- p_slots: each request's bucket hint (stable per session). p_exact: decide on
-- the exact path (merge, ordinary decision, split) - used for RETRY answers.
-- `buckets` tells the caller how many slots the variant has (0: ordinary mode),
-- which it uses only to spread requests over lanes, never to decide.
CREATE OR REPLACE FUNCTION public.stockroom_set_holds(p_variants uuid[], p_sessions text[], p_quantities integer[], p_expires_at timestamp with time zone[], p_now timestamp with time zone, p_slots integer[], p_exact boolean DEFAULT false)
 RETURNS TABLE(idx integer, code text, held integer, net integer, max_holdable integer, buckets integer)
 LANGUAGE plpgsql
 SET random_page_cost TO '1.1'
AS $function$
DECLARE
  i int;
  v uuid;
  v_slots int;
  v_flash uuid[];
  v_flash_after uuid[];
  v_locked uuid[];
  v_busy uuid[];
  f_idx int[];
  f_target uuid[];
  f_net int[];
  f_floor int[];
  g record;
  g_wh uuid;
  g_free int;
  g_slot int;
  g_idx int[];
  g_demand int;
  g_net int;
  g_floor int;
  res record;
BEGIN
  IF p_exact THEN
    FOR v IN SELECT DISTINCT x FROM unnest(p_variants) AS x ORDER BY 1 LOOP
      v_slots := stockroom_flash_merge(v, p_now);
      FOR i IN SELECT s.i FROM generate_subscripts(p_variants, 1) AS s(i) WHERE p_variants[s.i] = v ORDER BY s.i LOOP
        SELECT * INTO res FROM stockroom_set_hold(v, p_sessions[i], p_quantities[i], p_expires_at[i], p_now, true);
        RETURN QUERY SELECT i, res.code, res.held, res.net, res.max_holdable, v_slots;
      END LOOP;
      IF v_slots > 0 THEN
        PERFORM stockroom_flash_split(v, v_slots, p_now);
      END IF;
    END LOOP;
    RETURN;
  END IF;

  v_flash := ARRAY(SELECT DISTINCT b."variantId" FROM "StockBucket" b WHERE b."variantId" = ANY (p_variants));
  -- Lock every ordinary variant of the batch once, in the global order,
  -- skipping levels another transaction holds (a bulk apply, a stock
  -- operation, a hold batch of another process): waiting here would hold up
  -- every other request of the batch, and of its lane.
  SELECT coalesce(array_agg(x."id"), '{}') INTO v_locked FROM (
    SELECT l."id" FROM "StockLevel" l WHERE l."variantId" = ANY (p_variants) AND NOT (l."variantId" = ANY (v_flash))
    ORDER BY l."variantId", l."id" FOR UPDATE SKIP LOCKED
  ) x;
  v_busy := ARRAY(SELECT DISTINCT l."variantId" FROM "StockLevel" l
    WHERE l."variantId" = ANY (p_variants) AND NOT (l."variantId" = ANY (v_flash)) AND NOT (l."id" = ANY (v_locked)));
  -- A variant that changed mode meanwhile, or one of those busy ones, is
  -- answered RETRY and decided again on its own exact lane, which waits for
  -- the locks (hold-batcher.ts): both are kept out of every path below by
  -- counting them as "changed mode".
  v_flash_after := ARRAY(SELECT DISTINCT b."variantId" FROM "StockBucket" b WHERE b."variantId" = ANY (p_variants)) || v_busy;

  -- Set-based fast path for the common case: a new hold (the session holds none
  -- of this variant, once in the batch) of an ordinary variant whose most-free
  -- warehouse can serve every such request of the batch while the variant stays
  -- above its floor. Then each request would be admitted one by one too, so
  -- they are written with three statements instead of a dozen per hold. The
  -- rest (refusals, changes to existing holds, splits, backorders, expired-hold
  -- reclaim) is decided one by one below, under the same locks.
  f_idx := '{}';
  IF EXISTS (SELECT 1 FROM unnest(p_variants) AS x(v) WHERE NOT (x.v = ANY (v_flash)) AND NOT (x.v = ANY (v_flash_after))) THEN
  WITH req AS (
    SELECT s.i, p_variants[s.i] AS v, p_sessions[s.i] AS sess, p_quantities[s.i] AS q
    FROM generate_subscripts(p_variants, 1) AS s(i)
    WHERE p_quantities[s.i] > 0 AND NOT (p_variants[s.i] = ANY (v_flash)) AND NOT (p_variants[s.i] = ANY (v_flash_after))
  ), fresh AS (
    SELECT r.* FROM req r
    WHERE NOT EXISTS (SELECT 1 FROM req o WHERE o.v = r.v AND o.sess = r.sess AND o.i <> r.i)
      -- OFFSET 0 keeps this a per-request index probe: as an anti-join the
      -- cached generic plan hashed the whole hold table on every batch.
      AND NOT EXISTS (SELECT 1 FROM "StockReservation" sr WHERE sr."variantId" = r.v AND sr."sessionId" = r.sess OFFSET 0)
  ), lv AS (
    SELECT f.v, sum(f.free)::int AS net, max(f.free) AS target_free,
      (array_agg(f.wh ORDER BY f.free DESC, f.priority, f.code))[1] AS target
    FROM (
      SELECT l."variantId" AS v, l."warehouseId" AS wh, w."priority", w."code",
        stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed") AS free
      FROM "StockLevel" l JOIN "Warehouse" w ON w."id" = l."warehouseId"
      WHERE l."variantId" = ANY (ARRAY(SELECT fresh.v FROM fresh))
    ) f GROUP BY f.v
  ), ok AS (
    SELECT fr.i, lv.target, fr.q,
      lv.net - sum(fr.q) OVER (PARTITION BY fr.v ORDER BY fr.i) AS net_after,
      (SELECT CASE WHEN pv."inventoryPolicy" = 'DENY' THEN 0 ELSE -pv."backorderLimit" END
       FROM "ProductVariant" pv WHERE pv."id" = fr.v) AS floor,
      sum(fr.q) OVER (PARTITION BY fr.v) AS demand, lv.net, lv.target_free
    FROM fresh fr JOIN lv ON lv.v = fr.v
  )
  SELECT coalesce(array_agg(ok.i ORDER BY ok.i), '{}'), coalesce(array_agg(ok.target ORDER BY ok.i), '{}'),
    coalesce(array_agg(ok.net_after ORDER BY ok.i), '{}'), coalesce(array_agg(ok.floor ORDER BY ok.i), '{}')
  INTO f_idx, f_target, f_net, f_floor
  FROM ok WHERE ok.target_free >= ok.demand AND ok.net - ok.demand >= ok.floor;

  IF cardinality(f_idx) > 0 THEN
    WITH f AS (
      SELECT u.i, u.target, p_variants[u.i] AS v, p_sessions[u.i] AS sess, p_quantities[u.i] AS q, p_expires_at[u.i] AS exp
      FROM unnest(f_idx, f_target) AS u(i, target)
    ), holds AS (
      INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
      SELECT f.v, f.target, f.sess, f.q, f.exp, p_now, p_now FROM f
    ), levels AS (
      UPDATE "StockLevel" l SET "reserved" = l."reserved" + t.q, "updatedAt" = p_now
      FROM (SELECT f.v, f.target, sum(f.q)::int AS q FROM f GROUP BY 1, 2) t
      WHERE l."variantId" = t.v AND l."warehouseId" = t.target
    )
    INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
    SELECT f.v, f.target, 'RESERVATION', 0, f.q, 'cart:' || left(md5(f.sess), 12), 'added to cart', 'shopper', p_now FROM f ORDER BY f.i;
    RETURN QUERY SELECT u.i, 'OK'::text, p_quantities[u.i], u.n, p_quantities[u.i] + greatest(0, u.n - u.fl), 0
      FROM unnest(f_idx, f_net, f_floor) AS u(i, n, fl);
  END IF;
  END IF;

  -- The same for flash-sale variants, per (variant, home bucket): new holds of
  -- the batch that the home bucket can serve entirely are written set-based;
  -- the rest go through stockroom_flash_hold one by one below.
  IF cardinality(v_flash) > 0 THEN
  FOR g IN
    SELECT x.v, x.home, x.slots, array_agg(x.i ORDER BY x.i) AS idxs
    FROM (
      SELECT s.i, p_variants[s.i] AS v, p_slots[s.i] % n.slots AS home, n.slots
      FROM generate_subscripts(p_variants, 1) AS s(i)
      JOIN (SELECT b."variantId", max(b."slot") + 1 AS slots FROM "StockBucket" b
            WHERE b."variantId" = ANY (v_flash) GROUP BY 1) n ON n."variantId" = p_variants[s.i]
      WHERE p_quantities[s.i] > 0 AND p_variants[s.i] = ANY (v_flash_after)
    ) x
    GROUP BY x.v, x.home, x.slots ORDER BY x.v, x.home
  LOOP
    PERFORM 1 FROM "StockBucket" b WHERE b."variantId" = g.v AND b."slot" = g.home ORDER BY b."warehouseId" FOR UPDATE;
    SELECT b."warehouseId", b."free" INTO g_wh, g_free FROM "StockBucket" b
    WHERE b."variantId" = g.v AND b."slot" = g.home ORDER BY b."free" DESC, b."warehouseId" LIMIT 1;
    CONTINUE WHEN g_wh IS NULL;
    -- The per-session lock of stockroom_flash_hold, in one global order.
    PERFORM pg_advisory_xact_lock(k.key) FROM (
      SELECT DISTINCT hashtextextended(g.v::text || p_sessions[u.i], 0) AS key FROM unnest(g.idxs) AS u(i) ORDER BY 1
    ) k;
    SELECT array_agg(f.i ORDER BY f.i), sum(p_quantities[f.i])::int INTO g_idx, g_demand
    FROM unnest(g.idxs) AS f(i)
    WHERE NOT EXISTS (SELECT 1 FROM unnest(g.idxs) AS o(i) WHERE p_sessions[o.i] = p_sessions[f.i] AND o.i <> f.i)
      AND NOT EXISTS (SELECT 1 FROM "StockReservation" sr WHERE sr."variantId" = g.v AND sr."sessionId" = p_sessions[f.i] OFFSET 0);
    CONTINUE WHEN g_idx IS NULL;
    g_slot := g.home;
    IF g_free < g_demand THEN
      -- The home bucket cannot serve the group (it ran dry first): draw from
      -- the fullest bucket no other transaction holds rather than deciding
      -- one by one. SKIP LOCKED: never waits, and lanes of other processes
      -- that ran dry too spread over the buckets.
      SELECT b."slot", b."warehouseId", b."free" INTO g_slot, g_wh, g_free FROM "StockBucket" b
      WHERE b."variantId" = g.v AND b."slot" <> g.home AND b."free" >= g_demand
      ORDER BY b."free" DESC LIMIT 1 FOR UPDATE SKIP LOCKED;
      CONTINUE WHEN NOT FOUND;
    END IF;
    WITH f AS (
      SELECT u.i, p_sessions[u.i] AS sess, p_quantities[u.i] AS q, p_expires_at[u.i] AS exp FROM unnest(g_idx) AS u(i)
    ), holds AS (
      INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
      SELECT g.v, g_wh, f.sess, f.q, f.exp, p_now, p_now FROM f
    ), bucket AS (
      UPDATE "StockBucket" SET "free" = "free" - g_demand WHERE "variantId" = g.v AND "slot" = g_slot AND "warehouseId" = g_wh
    )
    INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
    SELECT g.v, g_wh, 'RESERVATION', 0, f.q, 'cart:' || left(md5(f.sess), 12), 'added to cart', 'shopper', p_now FROM f ORDER BY f.i;
    -- Free units after this group (other lanes may be drawing at the same time: a report, not a decision).
    SELECT coalesce(sum(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved" - stockroom_parked(g.v, l."warehouseId"), l."committed")), 0)::int,
      max(CASE WHEN pv."inventoryPolicy" = 'DENY' THEN 0 ELSE -pv."backorderLimit" END)
    INTO g_net, g_floor
    FROM "StockLevel" l JOIN "ProductVariant" pv ON pv."id" = l."variantId" WHERE l."variantId" = g.v;
    RETURN QUERY SELECT u.i, 'OK'::text, p_quantities[u.i], u.n, p_quantities[u.i] + greatest(0, u.n - g_floor), g.slots::int
      FROM (SELECT x.i, g_net + g_demand - (sum(p_quantities[x.i]) OVER (ORDER BY x.i))::int AS n FROM unnest(g_idx) AS x(i)) u;
    f_idx := f_idx || g_idx;
  END LOOP;
  END IF;

  IF cardinality(f_idx) = cardinality(p_variants) THEN
    RETURN;
  END IF;
  FOR i IN
    SELECT s.i FROM generate_subscripts(p_variants, 1) AS s(i)
    WHERE NOT (s.i = ANY (f_idx))
    ORDER BY (p_variants[s.i] = ANY (v_flash)), p_variants[s.i], p_slots[s.i], s.i
  LOOP
    v := p_variants[i];
    IF (v = ANY (v_flash)) <> (v = ANY (v_flash_after)) THEN
      RETURN QUERY SELECT i, 'RETRY'::text, 0, 0, 0, 0;
    ELSIF v = ANY (v_flash) THEN
      SELECT * INTO res FROM stockroom_flash_hold(v, p_sessions[i], p_quantities[i], p_expires_at[i], p_now, p_slots[i]);
      IF res.code IS NULL THEN
        RETURN QUERY SELECT i, 'RETRY'::text, 0, 0, 0, 0;
      ELSE
        RETURN QUERY SELECT i, res.code, res.held, res.net, res.max_holdable, res.buckets;
      END IF;
    ELSE
      SELECT * INTO res FROM stockroom_set_hold(v, p_sessions[i], p_quantities[i], p_expires_at[i], p_now, true);
      RETURN QUERY SELECT i, res.code, res.held, res.net, res.max_holdable, 0;
    END IF;
  END LOOP;
END $function$
