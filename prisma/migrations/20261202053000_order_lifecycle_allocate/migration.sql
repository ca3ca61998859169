-- Open backorders carried over from before the order lifecycle may have stock
-- free to cover them now (the old rule only filled them from receipts at the
-- same warehouse): cover them once, oldest order first, as every stock
-- increase does from now on (stockroom_allocate_backorders).
SELECT count(*) FROM (
  SELECT DISTINCT "variantId" FROM "StockLevel" WHERE "backordered" > 0 ORDER BY 1
) v CROSS JOIN LATERAL stockroom_allocate_backorders(v."variantId", 'order lifecycle migration', 'migration', now());
