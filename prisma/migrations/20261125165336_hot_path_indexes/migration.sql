-- Fewer indexes on the rows every cart hold writes (one StockReservation and
-- one InventoryMovement per hold): each index is maintained on every insert,
-- and these served no query.
--
-- InventoryMovement: the history lists page by id (keyset), not by createdAt;
-- warehouse and type filters walk the id order. Only movements that change
-- on-hand (everything but cart holds) get a partial index, which serves the
-- dashboard's "recent movements" and type filters for the rarer types without
-- walking past millions of RESERVATION/RELEASE rows. Nothing looks movements
-- up by reference.
DROP INDEX "InventoryMovement_warehouseId_createdAt_idx";
DROP INDEX "InventoryMovement_type_createdAt_idx";
DROP INDEX "InventoryMovement_reference_idx";
DROP INDEX "InventoryMovement_createdAt_idx";
CREATE INDEX "InventoryMovement_stock_moves_idx" ON "InventoryMovement" ("id") WHERE "type" NOT IN ('RESERVATION', 'RELEASE');

-- StockReservation: the unique key leads with sessionId, so it also serves the
-- cart's "holds of this session" (which had an index of its own); lookups by
-- variant use (variantId, expiresAt).
DROP INDEX "StockReservation_sessionId_idx";
DROP INDEX "StockReservation_variantId_sessionId_warehouseId_key";
CREATE UNIQUE INDEX "StockReservation_sessionId_variantId_warehouseId_key" ON "StockReservation" ("sessionId", "variantId", "warehouseId");
