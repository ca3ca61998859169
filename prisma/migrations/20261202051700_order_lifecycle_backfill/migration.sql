-- Existing data into the order lifecycle (DESIGN.md "Quantity states").
-- Before it, checkout took units off on hand at once (SALE movements): those
-- units are treated as shipped (fulfilled). Units sold beyond stock were
-- counted in StockLevel.backordered without a ledger column: they become
-- committed and backordered, recomputed from the open order lines, with one
-- COMMIT movement per level so every column equals the sum of its movements.
UPDATE "OrderLine" SET "fulfilledQuantity" = "quantity" - "backorderedQuantity";

UPDATE "Order" o SET "status" = CASE
    WHEN NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id" AND l."backorderedQuantity" > 0) THEN 'FULFILLED'::"OrderStatus"
    WHEN EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o."id" AND l."fulfilledQuantity" > 0) THEN 'PARTIALLY_FULFILLED'::"OrderStatus"
    ELSE 'PLACED'::"OrderStatus" END
WHERE o."status" = 'PLACED';

WITH open_backorders AS (
  SELECT l."variantId", l."warehouseId", sum(l."backorderedQuantity")::int AS units
  FROM "OrderLine" l JOIN "Order" o ON o."id" = l."orderId"
  WHERE o."status" <> 'CANCELLED'
  GROUP BY 1, 2
)
UPDATE "StockLevel" s SET "backordered" = coalesce(b.units, 0), "committed" = coalesce(b.units, 0)
FROM "StockLevel" s2 LEFT JOIN open_backorders b USING ("variantId", "warehouseId")
WHERE s2."id" = s."id" AND (s."backordered" <> coalesce(b.units, 0) OR s."committed" <> coalesce(b.units, 0));

INSERT INTO "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "committedDelta", "backorderedDelta", "notes", "createdBy")
SELECT "variantId", "warehouseId", 'COMMIT', 0, "committed", "backordered", 'open backorders carried into the order lifecycle', 'migration'
FROM "StockLevel" WHERE "committed" <> 0;

ALTER TABLE "StockLevel"
  ADD CONSTRAINT "StockLevel_backordered_within_committed" CHECK ("backordered" <= "committed");
