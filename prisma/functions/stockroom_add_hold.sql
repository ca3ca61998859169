-- Adds p_quantity units to a session's hold on one level, with its counter and
-- RESERVATION movement. Called by stockroom_set_hold with the variant's levels
-- already locked and the decision already made; it decides nothing itself.
CREATE OR REPLACE FUNCTION public.stockroom_add_hold(p_variant uuid, p_warehouse uuid, p_session text, p_quantity integer, p_expires_at timestamp with time zone, p_now timestamp with time zone, p_ref text)
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO "StockReservation" ("variantId", "warehouseId", "sessionId", "quantity", "expiresAt", "createdAt", "updatedAt")
  VALUES (p_variant, p_warehouse, p_session, p_quantity, p_expires_at, p_now, p_now)
  ON CONFLICT ("variantId", "sessionId", "warehouseId")
  DO UPDATE SET "quantity" = "StockReservation"."quantity" + EXCLUDED."quantity", "expiresAt" = EXCLUDED."expiresAt", "updatedAt" = p_now;
  UPDATE "StockLevel" SET "reserved" = "reserved" + p_quantity, "updatedAt" = p_now
  WHERE "variantId" = p_variant AND "warehouseId" = p_warehouse;
  INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy", "createdAt")
  VALUES (p_variant, p_warehouse, 'RESERVATION', 0, p_quantity, p_ref, 'added to cart', 'shopper', p_now);
END $function$
