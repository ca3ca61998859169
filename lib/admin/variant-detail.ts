import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { clampAvailableSql, optionalLevelStockJoin } from "@/lib/inventory/availability";
import type { InventoryPolicy } from "@/generated/prisma/enums";

export type WarehouseLevel = {
  warehouseId: string;
  code: string;
  name: string;
  /** false when the variant has never been stocked in this warehouse. */
  stocked: boolean;
  onHand: number;
  reserved: number;
  safetyStock: number;
  incoming: number;
  backordered: number;
  committed: number;
  unavailable: number;
  available: number;
};

export type VariantDetail = {
  id: string;
  sku: string;
  title: string;
  productId: string;
  productName: string;
  productSlug: string;
  policy: InventoryPolicy;
  backorderLimit: number;
  restockDate: Date | null;
  /** The variant's own threshold, or null when it uses the default (it applies whether or not alertActive). */
  threshold: number | null;
  alertActive: boolean;
  defaultThreshold: number;
  levels: WarehouseLevel[];
};

/** Everything the variant page shows above the history; one row per warehouse, stocked or not. */
export async function getVariantDetail(variantId: string): Promise<VariantDetail | null> {
  const variant = await db.productVariant.findUnique({
    where: { id: variantId },
    select: {
      id: true, sku: true, title: true, productId: true, inventoryPolicy: true, backorderLimit: true, restockDate: true,
      product: { select: { name: true, slug: true } },
      lowStockAlert: { select: { threshold: true, isActive: true } },
    },
  });
  if (!variant) return null;
  const { rows } = await pgPool().query<WarehouseLevel>(
    `select w."id" as "warehouseId", w."code", w."name", (l."id" is not null) as stocked,
       coalesce(l."onHand", 0) as "onHand", coalesce(s.reserved, 0) as reserved,
       coalesce(l."safetyStock", 0) as "safetyStock", coalesce(l."incoming", 0) as incoming,
       coalesce(l."backordered", 0) as backordered, coalesce(l."committed", 0) as committed,
       coalesce(l."unavailable", 0) as unavailable,
       ${clampAvailableSql("coalesce(s.available, 0)")} as available
     from "Warehouse" w
     left join "StockLevel" l on l."warehouseId" = w."id" and l."variantId" = $1::uuid
     ${optionalLevelStockJoin("l", "now()")}
     order by w."priority", w."code"`,
    [variantId],
  );
  return {
    id: variant.id, sku: variant.sku, title: variant.title, productId: variant.productId,
    productName: variant.product.name, productSlug: variant.product.slug,
    policy: variant.inventoryPolicy, backorderLimit: variant.backorderLimit, restockDate: variant.restockDate,
    threshold: variant.lowStockAlert?.threshold ?? null, alertActive: variant.lowStockAlert?.isActive ?? false,
    defaultThreshold: env.LOW_STOCK_DEFAULT_THRESHOLD,
    levels: rows,
  };
}

export async function listWarehouses() {
  return db.warehouse.findMany({ select: { id: true, code: true, name: true }, orderBy: [{ priority: "asc" }, { code: "asc" }] });
}
