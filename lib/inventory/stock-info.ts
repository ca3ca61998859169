import { cacheKey, readThrough } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { InventoryPolicy } from "@/generated/prisma/enums";
import { lowStockThreshold, optionalLevelStockJoin, summarize, type StockInfo, type VariantSnapshot } from "./availability";
import { InventoryError } from "./errors";

export { summarize, type LevelSnapshot, type StockInfo, type VariantSnapshot } from "./availability";
import { parseInput } from "@/lib/validation/parse";
import { z } from "zod";
import { idSchema } from "@/lib/validation/inventory";

type ProductSnapshot = { productId: string; variants: VariantSnapshot[]; nextExpiry: string | null };

// Per-level figures from stockroom_level_stock (see availability.ts); the next
// hold expiry bounds the cache entry, looked up by the (variantId, expiresAt) index.
const SNAPSHOT_SQL = `
select v."id" as "variantId", v."inventoryPolicy" as policy, v."backorderLimit", v."restockDate", a."threshold",
  l."warehouseId", w."code" as "warehouseCode", l."onHand", l."safetyStock", l."incoming", l."backordered",
  l."committed", l."unavailable", s.reserved, s.available, n.next_expiry
from "ProductVariant" v
left join "LowStockAlert" a on a."variantId" = v."id"
left join "StockLevel" l on l."variantId" = v."id"
${optionalLevelStockJoin("l", "now()")}
left join "Warehouse" w on w."id" = l."warehouseId"
left join lateral (
  select r."expiresAt" as next_expiry from "StockReservation" r
  where r."variantId" = v."id" and r."expiresAt" > now() order by r."expiresAt" limit 1
) n on true
where v."productId" = $1
order by v."position", v."id", w."priority", w."code"`;

type SnapshotRow = {
  variantId: string; policy: InventoryPolicy; backorderLimit: number; restockDate: Date | null; threshold: number | null;
  warehouseId: string | null; warehouseCode: string | null; onHand: number | null; safetyStock: number | null;
  incoming: number | null; backordered: number | null; committed: number | null; unavailable: number | null; reserved: number | null; available: number | null; next_expiry: Date | null;
};

export async function loadProductSnapshot(productId: string): Promise<ProductSnapshot | null> {
  const { rows } = await pgPool().query<SnapshotRow>(SNAPSHOT_SQL, [productId]);
  if (!rows.length) return null;
  const variants = new Map<string, VariantSnapshot>();
  let nextExpiry: Date | null = null;
  for (const row of rows) {
    let variant = variants.get(row.variantId);
    if (!variant) {
      variant = {
        variantId: row.variantId, policy: row.policy, backorderLimit: row.backorderLimit,
        restockDate: row.restockDate?.toISOString() ?? null,
        threshold: lowStockThreshold(row.threshold, env.LOW_STOCK_DEFAULT_THRESHOLD), levels: [],
      };
      variants.set(row.variantId, variant);
    }
    if (row.warehouseId && row.warehouseCode) {
      variant.levels.push({
        warehouseId: row.warehouseId, warehouseCode: row.warehouseCode, onHand: row.onHand ?? 0, reserved: row.reserved ?? 0,
        safetyStock: row.safetyStock ?? 0, incoming: row.incoming ?? 0, backordered: row.backordered ?? 0,
        committed: row.committed ?? 0, unavailable: row.unavailable ?? 0, available: row.available ?? 0,
      });
    }
    if (row.next_expiry && (!nextExpiry || row.next_expiry < nextExpiry)) nextExpiry = row.next_expiry;
  }
  return { productId, variants: [...variants.values()], nextExpiry: nextExpiry?.toISOString() ?? null };
}

// A cached snapshot must not outlive the next hold expiry: that moment changes availability.
function snapshotTtlMs(snapshot: ProductSnapshot | null): number {
  const ttl = env.STOCK_CACHE_TTL_SECONDS * 1_000;
  if (!snapshot?.nextExpiry) return ttl;
  return Math.max(0, Math.min(ttl, Date.parse(snapshot.nextExpiry) - Date.now()));
}

export async function getProductSnapshot(productId: string): Promise<ProductSnapshot | null> {
  return readThrough(cacheKey.productStock(productId), () => loadProductSnapshot(productId), snapshotTtlMs);
}

const getStockInfoSchema = z.object({ productId: idSchema, variantId: idSchema.optional(), warehouseId: idSchema.optional() });
export type GetStockInfoInput = z.input<typeof getStockInfoSchema>;

/**
 * Stock of a product (all variants) or one variant, over all warehouses or one.
 * Reads through the cache; never used to decide a reservation.
 */
export async function getStockInfo(input: GetStockInfoInput): Promise<StockInfo> {
  const { productId, variantId, warehouseId } = parseInput(getStockInfoSchema, input);
  const snapshot = await getProductSnapshot(productId);
  if (!snapshot) throw new InventoryError("NOT_FOUND", "No such product");
  const variants = variantId ? snapshot.variants.filter((v) => v.variantId === variantId) : snapshot.variants;
  if (!variants.length) throw new InventoryError("NOT_FOUND", "No such variant for this product");
  return summarize(variants, warehouseId);
}
