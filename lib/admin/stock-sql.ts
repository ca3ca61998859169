import { STATUS_SQL, thresholdSql, variantTotalsCte, type StockStatus } from "@/lib/inventory/availability";

// Per-variant stock, computed in SQL so admin pages never load every variant
// into memory. The figures are lib/inventory/availability's: per-level
// stockroom_level_stock summed per variant, and its threshold rule.

export { STATUS_SQL, type StockStatus };

/**
 * A `variant_stock` CTE. Parameters: $1 = default low-stock threshold,
 * $2 = warehouse id or null (null = all warehouses). With a warehouse, only
 * variants stocked there appear and quantities are that warehouse's.
 */
export const VARIANT_STOCK_CTE = `
${variantTotalsCte("now()", `($2::uuid is null or l."warehouseId" = $2::uuid)`, "level_totals")},
variant_stock as (
  select v."id", v."sku", v."title", v."productId", p."name" as product_name, v."inventoryPolicy" as policy,
    coalesce(v."priceCents", p."priceCents") as price_cents,
    coalesce(t.on_hand, 0) as on_hand, coalesce(t.reserved, 0) as reserved, coalesce(t.incoming, 0) as incoming,
    coalesce(t.backordered, 0) as backordered, coalesce(t.committed, 0) as committed, coalesce(t.unavailable, 0) as unavailable,
    coalesce(t.safety_stock, 0) as safety_stock, coalesce(t.available, 0) as available, coalesce(t.net, 0) as net,
    ${thresholdSql("a", "$1::int")} as threshold
  from "ProductVariant" v
  join "Product" p on p."id" = v."productId"
  left join level_totals t on t."variantId" = v."id"
  left join "LowStockAlert" a on a."variantId" = v."id"
  where ($2::uuid is null or t."variantId" is not null)
)`;

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
  committed: number;
  unavailable: number;
  available: number;
  /** Configured safety stock, summed over the levels. */
  safety_stock: number;
  /** Σ per-level available before the variant's clamp at zero (negative when backorders promise more than is on hand). */
  net: number;
  threshold: number;
  status: StockStatus;
};
