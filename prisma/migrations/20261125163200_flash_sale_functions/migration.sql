-- Flash-sale mode (sharded counters) and a leaner hold path.
--
-- A variant in flash-sale mode has its stock levels' free units parked in N
-- buckets ("StockBucket", one row per level and slot). Parked units stay
-- counted in StockLevel.reserved (promised to the buckets), so for every level
--   effective reserved = reserved - Σ bucket.free        (= Σ holds = Σ reservedDelta)
-- and on-hand is untouched: the ledger invariant keeps its exact meaning.
-- A hold drawn from a bucket lowers that bucket's `free` and writes its hold
-- row and RESERVATION movement, without touching (or locking) the level row,
-- so concurrent holds of one hot SKU lock N different rows.
--
-- Lock order, everywhere: a variant's stock levels (by id), then its buckets
-- (by slot). The bucket path locks only its home bucket (the lane's, see
-- hold-batcher.ts) and a per-session advisory lock, and takes other
-- buckets with SKIP LOCKED, never waiting, so it cannot close a cycle; when it
-- cannot decide from the buckets it answers RETRY and the request is decided
-- again on the exact path (levels + all buckets locked, buckets merged back,
-- the ordinary decision, buckets split again) in a transaction of its own.

ALTER TABLE "StockBucket"
  ADD CONSTRAINT "StockBucket_free_nonnegative" CHECK ("free" >= 0),
  ADD CONSTRAINT "StockBucket_slot_range" CHECK ("slot" >= 0 AND "slot" < 64);

-- Units of one level parked in its buckets (0 outside flash-sale mode).
CREATE OR REPLACE FUNCTION stockroom_parked(p_variant uuid, p_warehouse uuid)
RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum("free"), 0)::int FROM "StockBucket" WHERE "variantId" = p_variant AND "warehouseId" = p_warehouse
$$;

-- Locks the variant's levels and buckets and returns every parked unit to its
-- level. Returns the number of slots (0: not in flash-sale mode).
CREATE OR REPLACE FUNCTION stockroom_flash_merge(p_variant uuid, p_now timestamptz)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_slots int;
BEGIN
  PERFORM 1 FROM "StockLevel" WHERE "variantId" = p_variant ORDER BY "id" FOR UPDATE;
  SELECT count(DISTINCT b."slot")::int INTO v_slots FROM (
    SELECT "slot" FROM "StockBucket" WHERE "variantId" = p_variant ORDER BY "slot", "warehouseId" FOR UPDATE
  ) b;
  IF v_slots = 0 THEN
    RETURN 0;
  END IF;
  UPDATE "StockLevel" l SET "reserved" = l."reserved" - p.parked, "updatedAt" = p_now
  FROM (SELECT "warehouseId", sum("free")::int AS parked FROM "StockBucket" WHERE "variantId" = p_variant GROUP BY 1) p
  WHERE l."variantId" = p_variant AND l."warehouseId" = p."warehouseId" AND p.parked <> 0;
  UPDATE "StockBucket" SET "free" = 0 WHERE "variantId" = p_variant AND "free" <> 0;
  RETURN v_slots;
END $$;

-- After a merge (locks held): parks each level's free units evenly in p_slots
-- buckets, creating missing bucket rows (a level added since the sale began).
CREATE OR REPLACE FUNCTION stockroom_flash_split(p_variant uuid, p_slots int, p_now timestamptz, p_actor text DEFAULT 'system')
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  v_total int := 0;
  r record;
BEGIN
  FOR r IN
    SELECT l."warehouseId", greatest(stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered"), 0) AS free
    FROM "StockLevel" l WHERE l."variantId" = p_variant ORDER BY l."id"
  LOOP
    INSERT INTO "StockBucket" ("variantId", "warehouseId", "slot", "free", "createdBy", "createdAt")
    SELECT p_variant, r."warehouseId", s, r.free / p_slots + CASE WHEN s < r.free % p_slots THEN 1 ELSE 0 END, p_actor, p_now
    FROM generate_series(0, p_slots - 1) s
    ON CONFLICT ("variantId", "slot", "warehouseId") DO UPDATE SET "free" = EXCLUDED."free";
    IF r.free > 0 THEN
      UPDATE "StockLevel" SET "reserved" = "reserved" + r.free, "updatedAt" = p_now
      WHERE "variantId" = p_variant AND "warehouseId" = r."warehouseId";
    END IF;
    v_total := v_total + r.free;
  END LOOP;
  RETURN v_total;
END $$;

-- Admin switch: p_slots >= 2 starts (or re-splits) flash-sale mode, 0 ends it
-- (every parked unit merged back). Returns the units parked.
CREATE OR REPLACE FUNCTION stockroom_flash_configure(p_variant uuid, p_slots int, p_now timestamptz, p_actor text)
RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stockroom_flash_merge(p_variant, p_now);
  -- Expired holds would otherwise stay parked-out until the sweeper runs.
  PERFORM stockroom_reclaim_expired(p_variant, p_now);
  DELETE FROM "StockBucket" WHERE "variantId" = p_variant;
  IF p_slots = 0 THEN
    RETURN 0;
  END IF;
  RETURN stockroom_flash_split(p_variant, p_slots, p_now, p_actor);
END $$;

-- Bucket fast path for one request. Returns no row when it cannot decide from
-- the buckets (not in flash-sale mode any more, buckets dry, backorder units,
-- a warehouse without a bucket): the caller then answers RETRY.
CREATE OR REPLACE FUNCTION stockroom_flash_hold(
  p_variant uuid, p_session text, p_quantity int, p_expires_at timestamptz, p_now timestamptz, p_slot int
) RETURNS TABLE (code text, held int, net int, max_holdable int, buckets int)
LANGUAGE plpgsql AS $$
DECLARE
  v_ref text := 'cart:' || left(md5(p_session), 12);
  v_slots int;
  v_home int;
  v_current int;
  v_need int;
  v_take int;
  v_got int := 0;
  v_slot_list int[] := '{}';
  v_wh_list uuid[] := '{}';
  v_free_list int[] := '{}';
  v_net int;
  v_floor int;
  r record;
  k int;
BEGIN
  SELECT max(b."slot") + 1 INTO v_slots FROM "StockBucket" b WHERE b."variantId" = p_variant;
  IF v_slots IS NULL THEN
    RETURN;
  END IF;
  v_home := p_slot % v_slots;
  PERFORM 1 FROM "StockBucket" b WHERE b."variantId" = p_variant AND b."slot" = v_home ORDER BY b."warehouseId" FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  -- Two requests of one session may run in different lanes (or instances), on
  -- different buckets: this lock keeps "set the hold to N" idempotent.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_variant::text || p_session, 0));
  SELECT coalesce(sum(x.q), 0)::int INTO v_current FROM (
    SELECT sr."quantity" AS q FROM "StockReservation" sr WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session FOR UPDATE
  ) x;

  IF p_quantity < v_current THEN
    -- Units go back to the home bucket of their warehouse; without one, decide exactly.
    IF EXISTS (SELECT 1 FROM "StockReservation" sr WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session
               AND NOT EXISTS (SELECT 1 FROM "StockBucket" b WHERE b."variantId" = p_variant AND b."slot" = v_home AND b."warehouseId" = sr."warehouseId")) THEN
      RETURN;
    END IF;
    v_need := v_current - p_quantity;
    FOR r IN
      SELECT sr."id", sr."warehouseId", sr."quantity" FROM "StockReservation" sr JOIN "Warehouse" w ON w."id" = sr."warehouseId"
      WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session
      ORDER BY w."priority" DESC, w."code" DESC
    LOOP
      EXIT WHEN v_need = 0;
      v_take := least(v_need, r."quantity");
      IF v_take = r."quantity" THEN
        DELETE FROM "StockReservation" WHERE "id" = r."id";
      ELSE
        UPDATE "StockReservation" SET "quantity" = "quantity" - v_take, "updatedAt" = p_now WHERE "id" = r."id";
      END IF;
      UPDATE "StockBucket" SET "free" = "free" + v_take WHERE "variantId" = p_variant AND "slot" = v_home AND "warehouseId" = r."warehouseId";
      INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
      VALUES (p_variant, r."warehouseId", 'RELEASE', 0, -v_take, v_ref, 'cart quantity lowered', 'shopper', p_now);
      v_need := v_need - v_take;
    END LOOP;
  ELSIF p_quantity > v_current THEN
    v_need := p_quantity - v_current;
    -- Home bucket(s) first, then other slots that nobody holds right now
    -- (SKIP LOCKED: no waiting, no deadlock). Nothing is written until enough
    -- units are found, so a refusal here leaves no trace.
    FOR r IN
      SELECT b."slot", b."warehouseId", b."free" FROM "StockBucket" b
      WHERE b."variantId" = p_variant AND b."slot" = v_home AND b."free" > 0 ORDER BY b."free" DESC
    LOOP
      EXIT WHEN v_got >= v_need;
      v_slot_list := v_slot_list || r."slot"; v_wh_list := v_wh_list || r."warehouseId"; v_free_list := v_free_list || r."free";
      v_got := v_got + r."free";
    END LOOP;
    IF v_got < v_need THEN
      FOR r IN
        SELECT b."slot", b."warehouseId", b."free" FROM "StockBucket" b
        WHERE b."variantId" = p_variant AND b."slot" <> v_home AND b."free" > 0 ORDER BY b."free" DESC
        FOR UPDATE SKIP LOCKED
      LOOP
        EXIT WHEN v_got >= v_need;
        v_slot_list := v_slot_list || r."slot"; v_wh_list := v_wh_list || r."warehouseId"; v_free_list := v_free_list || r."free";
        v_got := v_got + r."free";
      END LOOP;
    END IF;
    IF v_got < v_need THEN
      RETURN;
    END IF;
    FOR k IN 1 .. coalesce(array_length(v_slot_list, 1), 0) LOOP
      EXIT WHEN v_need = 0;
      v_take := least(v_need, v_free_list[k]);
      UPDATE "StockBucket" SET "free" = "free" - v_take
      WHERE "variantId" = p_variant AND "slot" = v_slot_list[k] AND "warehouseId" = v_wh_list[k];
      INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
      VALUES (p_variant, v_wh_list[k], p_session, v_take, p_expires_at, p_now, p_now)
      ON CONFLICT ("variantId", "sessionId", "warehouseId")
      DO UPDATE SET "quantity" = "StockReservation"."quantity" + EXCLUDED."quantity", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = p_now;
      INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
      VALUES (p_variant, v_wh_list[k], 'RESERVATION', 0, v_take, v_ref, 'added to cart', 'shopper', p_now);
      v_need := v_need - v_take;
    END LOOP;
  END IF;

  UPDATE "StockReservation" SET "expiresAt" = p_expires_at, "updatedAt" = p_now
  WHERE "variantId" = p_variant AND "sessionId" = p_session AND "expiresAt" <> p_expires_at;

  SELECT CASE WHEN pv."inventoryPolicy" = 'DENY' THEN 0 ELSE -pv."backorderLimit" END INTO v_floor
  FROM "ProductVariant" pv WHERE pv."id" = p_variant;
  SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved" - stockroom_parked(p_variant, l."warehouseId"), l."backordered")), 0)::int
  INTO v_net FROM "StockLevel" l WHERE l."variantId" = p_variant;
  RETURN QUERY SELECT 'OK'::text, p_quantity, v_net, p_quantity + greatest(0, v_net - v_floor), v_slots;
END $$;

-- The ordinary path, unchanged in meaning, except that it no longer rewrites
-- hold rows whose expiry is already right (a fresh hold was just written with
-- it): that was a second, non-HOT update (expiresAt is indexed) per hold.
CREATE OR REPLACE FUNCTION stockroom_set_hold(
  p_variant uuid, p_session text, p_quantity int, p_expires_at timestamptz, p_now timestamptz,
  p_prepared boolean DEFAULT false
) RETURNS TABLE (code text, held int, net int, max_holdable int)
LANGUAGE plpgsql AS $$
DECLARE
  v_policy "InventoryPolicy";
  v_limit int;
  v_ref text := 'cart:' || left(md5(p_session), 12);
  v_current int;
  v_net int;
  v_floor int;
  v_need int;
  v_take int;
  v_primary uuid;
  r record;
BEGIN
  SELECT pv."inventoryPolicy", pv."backorderLimit" INTO v_policy, v_limit FROM "ProductVariant" pv WHERE pv."id" = p_variant;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, 0, 0, 0; RETURN;
  END IF;
  -- How far below zero free stock may go: never for DENY, down to the limit otherwise.
  v_floor := CASE WHEN v_policy = 'DENY' THEN 0 ELSE -v_limit END;

  -- Lock order (variant, level id) is the same everywhere, so holds, checkout
  -- and stock operations cannot deadlock on each other.
  -- p_prepared: the batch caller already locked this variant's levels.
  IF NOT p_prepared THEN
    PERFORM 1 FROM "StockLevel" WHERE "variantId" = p_variant ORDER BY "id" FOR UPDATE;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM "StockLevel" WHERE "variantId" = p_variant) THEN
    RETURN QUERY SELECT 'NOT_FOUND'::text, 0, 0, 0; RETURN;
  END IF;

  SELECT coalesce(sum(sr."quantity"), 0)::int INTO v_current
  FROM "StockReservation" sr WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session;

  IF p_quantity < v_current THEN
    -- Shrink: give back units from the least preferred warehouses first.
    v_need := v_current - p_quantity;
    FOR r IN
      SELECT sr."id", sr."warehouseId", sr."quantity" FROM "StockReservation" sr JOIN "Warehouse" w ON w."id" = sr."warehouseId"
      WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session
      ORDER BY w."priority" DESC, w."code" DESC
    LOOP
      EXIT WHEN v_need = 0;
      v_take := least(v_need, r."quantity");
      IF v_take = r."quantity" THEN
        DELETE FROM "StockReservation" WHERE "id" = r."id";
      ELSE
        UPDATE "StockReservation" SET "quantity" = "quantity" - v_take, "updatedAt" = p_now WHERE "id" = r."id";
      END IF;
      UPDATE "StockLevel" SET "reserved" = "reserved" - v_take, "updatedAt" = p_now WHERE "variantId" = p_variant AND "warehouseId" = r."warehouseId";
      INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
      VALUES (p_variant, r."warehouseId", 'RELEASE', 0, -v_take, v_ref, 'cart quantity lowered', 'shopper', p_now);
      v_need := v_need - v_take;
    END LOOP;
  ELSIF p_quantity > v_current THEN
    v_need := p_quantity - v_current;
    SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered")), 0)::int INTO v_net
    FROM "StockLevel" l WHERE l."variantId" = p_variant;
    -- Expired holds still sit in `reserved` until reclaimed, which only makes
    -- this check stricter; so they are reclaimed (and the decision re-made)
    -- only when it would otherwise refuse, keeping the common path short.
    IF v_net - v_need < v_floor AND stockroom_reclaim_expired(p_variant, p_now) > 0 THEN
      SELECT coalesce(sum(sr."quantity"), 0)::int INTO v_current
      FROM "StockReservation" sr WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session;
      v_need := greatest(0, p_quantity - v_current);
      SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered")), 0)::int INTO v_net
      FROM "StockLevel" l WHERE l."variantId" = p_variant;
    END IF;
    IF v_net - v_need < v_floor THEN
      RETURN QUERY SELECT 'INSUFFICIENT'::text, v_current, v_net, v_current + greatest(0, v_net - v_floor);
      RETURN;
    END IF;
    -- Grow: keep the hold where the session already has units, then take from
    -- the warehouses with the most free stock (ties: preferred warehouse).
    FOR r IN
      SELECT l."warehouseId", stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered") AS free
      FROM "StockLevel" l JOIN "Warehouse" w ON w."id" = l."warehouseId"
      LEFT JOIN "StockReservation" sr ON sr."variantId" = p_variant AND sr."sessionId" = p_session AND sr."warehouseId" = l."warehouseId"
      WHERE l."variantId" = p_variant
      ORDER BY (sr."id" IS NULL), free DESC, w."priority", w."code"
    LOOP
      EXIT WHEN v_need = 0;
      v_take := least(v_need, greatest(r.free, 0));
      CONTINUE WHEN v_take = 0;
      PERFORM stockroom_add_hold(p_variant, r."warehouseId", p_session, v_take, p_expires_at, p_now, v_ref);
      v_need := v_need - v_take;
    END LOOP;
    IF v_need > 0 THEN
      -- Backorder / pre-order units beyond free stock are promised from the preferred warehouse.
      SELECT l."warehouseId" INTO v_primary FROM "StockLevel" l JOIN "Warehouse" w ON w."id" = l."warehouseId"
      WHERE l."variantId" = p_variant ORDER BY w."priority", w."code" LIMIT 1;
      PERFORM stockroom_add_hold(p_variant, v_primary, p_session, v_need, p_expires_at, p_now, v_ref);
    END IF;
  END IF;

  -- Any activity on the line extends the whole hold.
  UPDATE "StockReservation" SET "expiresAt" = p_expires_at, "updatedAt" = p_now
  WHERE "variantId" = p_variant AND "sessionId" = p_session AND "expiresAt" <> p_expires_at;

  SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered")), 0)::int INTO v_net
  FROM "StockLevel" l WHERE l."variantId" = p_variant;
  RETURN QUERY SELECT 'OK'::text, p_quantity, v_net, p_quantity + greatest(0, v_net - v_floor);
END $$;


DROP FUNCTION IF EXISTS stockroom_set_holds(uuid[], text[], int[], timestamptz[], timestamptz);

-- Many holds in one transaction (group commit, see lib/inventory/hold-batcher.ts).
-- p_slots: each request's bucket hint (stable per session). p_exact: decide on
-- the exact path (merge, ordinary decision, split) - used for RETRY answers.
-- `buckets` tells the caller how many slots the variant has (0: ordinary mode),
-- which it uses only to spread requests over lanes, never to decide.
CREATE OR REPLACE FUNCTION stockroom_set_holds(
  p_variants uuid[], p_sessions text[], p_quantities int[], p_expires_at timestamptz[], p_now timestamptz,
  p_slots int[], p_exact boolean DEFAULT false
) RETURNS TABLE (idx int, code text, held int, net int, max_holdable int, buckets int)
LANGUAGE plpgsql AS $$
DECLARE
  i int;
  v uuid;
  v_slots int;
  v_flash uuid[];
  v_flash_after uuid[];
  f_idx int[];
  f_target uuid[];
  f_net int[];
  f_floor int[];
  g record;
  g_wh uuid;
  g_free int;
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
  -- Lock every ordinary variant of the batch once, in the global order.
  PERFORM 1 FROM "StockLevel" l WHERE l."variantId" = ANY (p_variants) AND NOT (l."variantId" = ANY (v_flash))
  ORDER BY l."variantId", l."id" FOR UPDATE;
  -- A variant that changed mode meanwhile is decided again on the exact path.
  v_flash_after := ARRAY(SELECT DISTINCT b."variantId" FROM "StockBucket" b WHERE b."variantId" = ANY (p_variants));

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
        stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered") AS free
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
    CONTINUE WHEN g_idx IS NULL OR g_free < g_demand;
    WITH f AS (
      SELECT u.i, p_sessions[u.i] AS sess, p_quantities[u.i] AS q, p_expires_at[u.i] AS exp FROM unnest(g_idx) AS u(i)
    ), holds AS (
      INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
      SELECT g.v, g_wh, f.sess, f.q, f.exp, p_now, p_now FROM f
    ), bucket AS (
      UPDATE "StockBucket" SET "free" = "free" - g_demand WHERE "variantId" = g.v AND "slot" = g.home AND "warehouseId" = g_wh
    )
    INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
    SELECT g.v, g_wh, 'RESERVATION', 0, f.q, 'cart:' || left(md5(f.sess), 12), 'added to cart', 'shopper', p_now FROM f ORDER BY f.i;
    -- Free units after this group (other lanes may be drawing at the same time: a report, not a decision).
    SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved" - stockroom_parked(g.v, l."warehouseId"), l."backordered")), 0)::int,
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
END $$;

-- Background sweep of one variant: same lock order as a hold; in flash-sale
-- mode the freed units are parked in the buckets again.
CREATE OR REPLACE FUNCTION stockroom_sweep_variant(p_variant uuid, p_now timestamptz)
RETURNS int LANGUAGE plpgsql AS $$
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
END $$;
