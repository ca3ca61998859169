-- The ordinary path, unchanged in meaning, except that it no longer rewrites
-- hold rows whose expiry is already right (a fresh hold was just written with
-- it): that was a second, non-HOT update (expiresAt is indexed) per hold.
CREATE OR REPLACE FUNCTION public.stockroom_set_hold(p_variant uuid, p_session text, p_quantity integer, p_expires_at timestamp with time zone, p_now timestamp with time zone, p_prepared boolean DEFAULT false)
 RETURNS TABLE(code text, held integer, net integer, max_holdable integer)
 LANGUAGE plpgsql
AS $function$
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
    SELECT coalesce(sum(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed")), 0)::int INTO v_net
    FROM "StockLevel" l WHERE l."variantId" = p_variant;
    -- Expired holds still sit in `reserved` until reclaimed, which only makes
    -- this check stricter; so they are reclaimed (and the decision re-made)
    -- only when it would otherwise refuse, keeping the common path short.
    IF v_net - v_need < v_floor AND stockroom_reclaim_expired(p_variant, p_now) > 0 THEN
      SELECT coalesce(sum(sr."quantity"), 0)::int INTO v_current
      FROM "StockReservation" sr WHERE sr."variantId" = p_variant AND sr."sessionId" = p_session;
      v_need := greatest(0, p_quantity - v_current);
      SELECT coalesce(sum(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed")), 0)::int INTO v_net
      FROM "StockLevel" l WHERE l."variantId" = p_variant;
    END IF;
    IF v_net - v_need < v_floor THEN
      RETURN QUERY SELECT 'INSUFFICIENT'::text, v_current, v_net, v_current + greatest(0, v_net - v_floor);
      RETURN;
    END IF;
    -- Grow: keep the hold where the session already has units, then take from
    -- the warehouses with the most free stock (ties: preferred warehouse).
    FOR r IN
      SELECT l."warehouseId", stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed") AS free
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

  SELECT coalesce(sum(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved", l."committed")), 0)::int INTO v_net
  FROM "StockLevel" l WHERE l."variantId" = p_variant;
  RETURN QUERY SELECT 'OK'::text, p_quantity, v_net, p_quantity + greatest(0, v_net - v_floor);
END $function$
