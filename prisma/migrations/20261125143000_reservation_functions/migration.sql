-- Cart holds are decided and written inside PostgreSQL, in one round trip, with
-- the variant's stock levels locked (FOR UPDATE) for the whole decision. This is
-- what prevents overselling: two shoppers can never both see the last unit as
-- free, because the second waits for the first's lock and then re-reads.
-- Only lib/inventory/reservations.ts calls these functions.

-- Units of one stock level a shopper may still take. Safety stock is withheld
-- but never pushes a warehouse below zero on its own; promises beyond on-hand
-- (backorder holds, backordered sales) do make it negative.
CREATE OR REPLACE FUNCTION stockroom_free(p_on_hand int, p_safety int, p_reserved int, p_backordered int)
RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT least(greatest(p_on_hand - p_reserved - p_backordered - p_safety, 0), p_on_hand - p_reserved - p_backordered)
$$;

-- Frees a variant's expired holds so they stop counting before any decision.
CREATE OR REPLACE FUNCTION stockroom_reclaim_expired(p_variant uuid, p_now timestamptz)
RETURNS int LANGUAGE plpgsql AS $$
DECLARE
  freed int := 0;
BEGIN
  WITH gone AS (
    DELETE FROM "StockReservation"
    WHERE "variantId" = p_variant AND "expiresAt" <= p_now
    RETURNING "warehouseId", "quantity", "sessionId"
  ), per_level AS (
    SELECT "warehouseId", sum("quantity")::int AS qty FROM gone GROUP BY "warehouseId"
  ), levels AS (
    UPDATE "StockLevel" l SET "reserved" = l."reserved" - p."qty", "updatedAt" = p_now
    FROM per_level p
    WHERE l."variantId" = p_variant AND l."warehouseId" = p."warehouseId"
    RETURNING l."id"
  ), moves AS (
    INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
    SELECT p_variant, g."warehouseId", 'RELEASE', 0, -g."quantity", 'cart:' || left(md5(g."sessionId"), 12), 'hold expired', 'system', p_now
    FROM gone g
    RETURNING 1
  )
  SELECT count(*) INTO freed FROM moves, (SELECT count(*) FROM levels) touched;
  RETURN freed;
END $$;

-- Sets one session's hold on one variant to exactly p_quantity units (0 releases
-- it): calling it twice with the same arguments leaves the same hold. Returns
-- code OK | INSUFFICIENT | NOT_FOUND, the units held after the call, `net`, the
-- variant's free units over all warehouses after the call (negative when
-- backorders/pre-orders promise more than is on hand), and the most this
-- session could hold right now.
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
  WHERE "variantId" = p_variant AND "sessionId" = p_session;

  SELECT coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved", l."backordered")), 0)::int INTO v_net
  FROM "StockLevel" l WHERE l."variantId" = p_variant;
  RETURN QUERY SELECT 'OK'::text, p_quantity, v_net, p_quantity + greatest(0, v_net - v_floor);
END $$;

CREATE OR REPLACE FUNCTION stockroom_add_hold(
  p_variant uuid, p_warehouse uuid, p_session text, p_quantity int, p_expires_at timestamptz, p_now timestamptz, p_ref text
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
  VALUES (p_variant, p_warehouse, p_session, p_quantity, p_expires_at, p_now, p_now)
  ON CONFLICT ("variantId", "sessionId", "warehouseId")
  DO UPDATE SET "quantity" = "StockReservation"."quantity" + EXCLUDED."quantity", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = p_now;
  UPDATE "StockLevel" SET "reserved" = "reserved" + p_quantity, "updatedAt" = p_now
  WHERE "variantId" = p_variant AND "warehouseId" = p_warehouse;
  INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
  VALUES (p_variant, p_warehouse, 'RESERVATION', 0, p_quantity, p_ref, 'added to cart', 'shopper', p_now);
END $$;

-- Many holds in one transaction: concurrent add-to-cart requests that arrive
-- while a previous batch is in flight share one commit (group commit), which
-- is how a hot SKU gets past the one-commit-per-hold ceiling. Requests are
-- processed in (variant) order to keep lock order global; each gets its own
-- result, and one shopper's refusal never affects another's.
CREATE OR REPLACE FUNCTION stockroom_set_holds(
  p_variants uuid[], p_sessions text[], p_quantities int[], p_expires_at timestamptz[], p_now timestamptz
) RETURNS TABLE (idx int, code text, held int, net int, max_holdable int)
LANGUAGE plpgsql AS $$
DECLARE
  i int;
  res record;
BEGIN
  -- Lock every variant of the batch once, in the global order, instead of per request.
  PERFORM 1 FROM "StockLevel" WHERE "variantId" = ANY (p_variants) ORDER BY "variantId", "id" FOR UPDATE;
  FOR i IN SELECT s.i FROM generate_subscripts(p_variants, 1) AS s(i) ORDER BY p_variants[s.i], s.i LOOP
    SELECT * INTO res FROM stockroom_set_hold(p_variants[i], p_sessions[i], p_quantities[i], p_expires_at[i], p_now, true);
    RETURN QUERY SELECT i, res.code, res.held, res.net, res.max_holdable;
  END LOOP;
END $$;

-- Background sweep of one variant: same lock order as a hold, then reclaim.
CREATE OR REPLACE FUNCTION stockroom_sweep_variant(p_variant uuid, p_now timestamptz)
RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "StockLevel" WHERE "variantId" = p_variant ORDER BY "id" FOR UPDATE;
  RETURN stockroom_reclaim_expired(p_variant, p_now);
END $$;
