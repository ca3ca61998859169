// Per-variant stock, computed in SQL so admin pages never load every variant
// into memory (the seed's old dashboard called getStockInfo per product).
// Same arithmetic as lib/inventory/stock-math: free units per level via
// stockroom_free, expired-but-unswept holds not counted as reserved, threshold
// = the variant's active alert threshold or the configured default.

export type StockStatus = "ok" | "low" | "out";

/**
 * A `variant_stock` CTE. Parameters: $1 = default low-stock threshold,
 * $2 = warehouse id or null (null = all warehouses). With a warehouse, only
 * variants stocked there appear and quantities are that warehouse's.
 */
export const VARIANT_STOCK_CTE = `
expired as (
  select "variantId", "warehouseId", sum("quantity")::int as qty
  from "StockReservation" where "expiresAt" <= now() group by 1, 2
),
level_totals as (
  select l."variantId",
    sum(l."onHand")::int as on_hand,
    sum(l."reserved" - coalesce(e.qty, 0))::int as reserved,
    sum(l."incoming")::int as incoming,
    sum(l."backordered")::int as backordered,
    greatest(0, sum(stockroom_free(l."onHand", l."safetyStock", l."reserved" - coalesce(e.qty, 0), l."backordered")))::int as available
  from "StockLevel" l left join expired e using ("variantId", "warehouseId")
  where ($2::uuid is null or l."warehouseId" = $2::uuid)
  group by l."variantId"
),
variant_stock as (
  select v."id", v."sku", v."title", v."productId", p."name" as product_name, v."inventoryPolicy" as policy,
    coalesce(v."priceCents", p."priceCents") as price_cents,
    coalesce(t.on_hand, 0) as on_hand, coalesce(t.reserved, 0) as reserved, coalesce(t.incoming, 0) as incoming,
    coalesce(t.backordered, 0) as backordered, coalesce(t.available, 0) as available,
    coalesce(case when a."isActive" then a."threshold" end, $1::int) as threshold
  from "ProductVariant" v
  join "Product" p on p."id" = v."productId"
  left join level_totals t on t."variantId" = v."id"
  left join "LowStockAlert" a on a."variantId" = v."id"
  where ($2::uuid is null or t."variantId" is not null)
)`;

/** Status from the CTE's columns: out = nothing a shopper can take, low = at or under the threshold. */
export const STATUS_SQL = `case when available = 0 then 'out' when available <= threshold then 'low' else 'ok' end`;

/**
 * Most urgent first: sold out before low, then the smallest share of the
 * threshold left, then least already on its way (incoming).
 */
export const URGENCY_ORDER_SQL = `(available > 0), available::float / greatest(threshold, 1), incoming, sku`;

export type VariantStockRow = {
  id: string;
  sku: string;
  title: string;
  productId: string;
  product_name: string;
  policy: "DENY" | "BACKORDER" | "PREORDER";
  price_cents: number;
  on_hand: number;
  reserved: number;
  incoming: number;
  backordered: number;
  available: number;
  threshold: number;
  status: StockStatus;
};
