-- Frees a variant's expired holds so they stop counting before any decision.
CREATE OR REPLACE FUNCTION public.stockroom_reclaim_expired(p_variant uuid, p_now timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
AS $function$
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
END $function$
