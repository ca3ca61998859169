-- Bucket fast path for one request. Returns no row when it cannot decide from
-- the buckets (not in flash-sale mode any more, buckets dry, backorder units,
-- a warehouse without a bucket): the caller then answers RETRY.
CREATE OR REPLACE FUNCTION public.stockroom_flash_hold(p_variant uuid, p_session text, p_quantity integer, p_expires_at timestamp with time zone, p_now timestamp with time zone, p_slot integer)
 RETURNS TABLE(code text, held integer, net integer, max_holdable integer, buckets integer)
 LANGUAGE plpgsql
AS $function$
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
  SELECT coalesce(sum(stockroom_free(l."onHand" - l."unavailable", l."safetyStock", l."reserved" - stockroom_parked(p_variant, l."warehouseId"), l."committed")), 0)::int
  INTO v_net FROM "StockLevel" l WHERE l."variantId" = p_variant;
  RETURN QUERY SELECT 'OK'::text, p_quantity, v_net, p_quantity + greatest(0, v_net - v_floor), v_slots;
END $function$
