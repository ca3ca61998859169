-- Hand-written guards the datamodel cannot express. They are the last line of
-- defence: lib/inventory never relies on them to decide, but a bug or a stray
-- script can never store impossible stock.
ALTER TABLE "StockLevel"
  ADD CONSTRAINT "StockLevel_onHand_nonnegative" CHECK ("onHand" >= 0),
  ADD CONSTRAINT "StockLevel_reserved_nonnegative" CHECK ("reserved" >= 0),
  ADD CONSTRAINT "StockLevel_safetyStock_nonnegative" CHECK ("safetyStock" >= 0),
  ADD CONSTRAINT "StockLevel_incoming_nonnegative" CHECK ("incoming" >= 0),
  ADD CONSTRAINT "StockLevel_backordered_nonnegative" CHECK ("backordered" >= 0);

ALTER TABLE "StockReservation"
  ADD CONSTRAINT "StockReservation_quantity_positive" CHECK ("quantity" > 0);

ALTER TABLE "ProductVariant"
  ADD CONSTRAINT "ProductVariant_backorderLimit_nonnegative" CHECK ("backorderLimit" >= 0),
  ADD CONSTRAINT "ProductVariant_priceCents_nonnegative" CHECK ("priceCents" IS NULL OR "priceCents" >= 0);

ALTER TABLE "Product"
  ADD CONSTRAINT "Product_priceCents_nonnegative" CHECK ("priceCents" >= 0);

ALTER TABLE "OrderLine"
  ADD CONSTRAINT "OrderLine_quantity_positive" CHECK ("quantity" > 0),
  ADD CONSTRAINT "OrderLine_backordered_in_range" CHECK ("backorderedQuantity" BETWEEN 0 AND "quantity");

ALTER TABLE "LowStockAlert"
  ADD CONSTRAINT "LowStockAlert_threshold_nonnegative" CHECK ("threshold" >= 0);
