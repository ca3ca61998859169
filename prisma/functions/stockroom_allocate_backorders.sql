-- Backorder allocation (DESIGN.md "Order lifecycle"): whenever units of a
-- variant may have become free (a receipt, a transfer in, a restocked return,
-- a positive adjustment or bulk row, another order's cancellation), its open
-- backordered order lines are covered first-in first-out (order time, then
-- order id, then line id), each line from its own warehouse first, then from
-- the other warehouses in priority order. Covering at the line's warehouse
-- only lowers backordered (the units were committed already); covering from
-- another warehouse moves the units there: the line is split (or moved whole)
-- and committed moves with it, each side with an ALLOCATION movement whose
-- reference is the order id, so the ledger stays exact. Free units are
-- stockroom_level_stock's available (live holds and safety stock are never
-- taken). Locks the variant's levels in id order (the global lock order),
-- then the lines. Returns what was covered, per line and warehouse.
CREATE OR REPLACE FUNCTION public.stockroom_allocate_backorders(p_variant uuid, p_source text, p_actor text, p_now timestamp with time zone)
 RETURNS TABLE(order_line_id uuid, order_id uuid, warehouse_id uuid, units integer)
 LANGUAGE plpgsql
AS $function$
DECLARE
  v_line record;
  v_level record;
  v_need int;
  v_take int;
  v_open int;
  v_target uuid;
  v_note text := 'backorder covered' || CASE WHEN p_source IS NULL THEN '' ELSE ' by ' || p_source END;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "StockLevel" WHERE "variantId" = p_variant AND "backordered" > 0) THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "StockLevel" WHERE "variantId" = p_variant ORDER BY "id" FOR UPDATE;
  FOR v_line IN
    SELECT ol."id", ol."orderId", ol."warehouseId", ol."backorderedQuantity", ol."quantity", ol."fulfilledQuantity", ol."cancelledQuantity"
    FROM "OrderLine" ol JOIN "Order" o ON o."id" = ol."orderId"
    WHERE ol."variantId" = p_variant AND ol."backorderedQuantity" > 0 AND o."status" <> 'CANCELLED'
    ORDER BY o."createdAt", o."id", ol."id"
    FOR UPDATE OF ol
  LOOP
    v_need := v_line."backorderedQuantity";
    FOR v_level IN
      SELECT l."warehouseId", l."backordered", s.available, (l."warehouseId" = v_line."warehouseId") AS own
      FROM "StockLevel" l JOIN "Warehouse" w ON w."id" = l."warehouseId"
      CROSS JOIN LATERAL stockroom_level_stock(l."variantId", l."warehouseId", l."onHand", l."reserved", l."safetyStock", l."committed", l."unavailable", p_now) s
      WHERE l."variantId" = p_variant
      ORDER BY (l."warehouseId" = v_line."warehouseId") DESC, w."priority", w."code"
    LOOP
      EXIT WHEN v_need = 0;
      -- At its own warehouse a backordered unit is already counted in
      -- committed (it made available negative), so covering it there takes
      -- available + the level's backordered; elsewhere only available.
      v_take := least(v_need, greatest(0, v_level.available + CASE WHEN v_level.own THEN v_level."backordered" ELSE 0 END));
      CONTINUE WHEN v_take = 0;
      IF v_level.own THEN
        UPDATE "OrderLine" SET "backorderedQuantity" = "backorderedQuantity" - v_take WHERE "id" = v_line."id";
        UPDATE "StockLevel" SET "backordered" = "backordered" - v_take, "updatedAt" = p_now
        WHERE "variantId" = p_variant AND "warehouseId" = v_level."warehouseId";
        INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "backorderedDelta", "reference", "notes", "createdBy", "createdAt")
        VALUES (p_variant, v_level."warehouseId", 'ALLOCATION', 0, -v_take, v_line."orderId"::text, v_note, p_actor, p_now);
        v_target := v_line."id";
      ELSE
        v_open := v_line."quantity" - v_line."fulfilledQuantity" - v_line."cancelledQuantity";
        IF v_take = v_line."quantity" AND v_open = v_take THEN
          -- The whole line was backordered: it moves.
          UPDATE "OrderLine" SET "warehouseId" = v_level."warehouseId", "backorderedQuantity" = 0 WHERE "id" = v_line."id";
          v_target := v_line."id";
        ELSE
          UPDATE "OrderLine" SET "quantity" = "quantity" - v_take, "backorderedQuantity" = "backorderedQuantity" - v_take WHERE "id" = v_line."id";
          INSERT INTO "OrderLine" ("orderId", "variantId", "warehouseId", "quantity", "preorder", "unitPriceCents")
          SELECT ol."orderId", ol."variantId", v_level."warehouseId", v_take, ol."preorder", ol."unitPriceCents"
          FROM "OrderLine" ol WHERE ol."id" = v_line."id"
          RETURNING "id" INTO v_target;
          v_line."quantity" := v_line."quantity" - v_take;
        END IF;
        UPDATE "StockLevel" SET "committed" = "committed" - v_take, "backordered" = "backordered" - v_take, "updatedAt" = p_now
        WHERE "variantId" = p_variant AND "warehouseId" = v_line."warehouseId";
        UPDATE "StockLevel" SET "committed" = "committed" + v_take, "updatedAt" = p_now
        WHERE "variantId" = p_variant AND "warehouseId" = v_level."warehouseId";
        INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "committedDelta", "backorderedDelta", "reference", "notes", "createdBy", "createdAt")
        VALUES (p_variant, v_line."warehouseId", 'ALLOCATION', 0, -v_take, -v_take, v_line."orderId"::text, v_note || ': moved to another warehouse', p_actor, p_now),
               (p_variant, v_level."warehouseId", 'ALLOCATION', 0, v_take, 0, v_line."orderId"::text, v_note || ': moved from another warehouse', p_actor, p_now);
      END IF;
      v_need := v_need - v_take;
      order_line_id := v_target; order_id := v_line."orderId"; warehouse_id := v_level."warehouseId"; units := v_take;
      RETURN NEXT;
    END LOOP;
  END LOOP;
END $function$
