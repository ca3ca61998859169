import { cacheKey, readThrough } from "@/lib/cache";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import type { InventoryPolicy } from "@/generated/prisma/enums";
import { InventoryError } from "./errors";
import { parseInput } from "./parse";
import { z } from "zod";
import { idSchema } from "@/lib/validation/inventory";

export type LevelSnapshot = {
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  /** Units in live holds (expired holds are excluded even before the sweeper runs). */
  reserved: number;
  safetyStock: number;
  incoming: number;
  backordered: number;
};

export type VariantSnapshot = {
  variantId: string;
  policy: InventoryPolicy;
  backorderLimit: number;
  restockDate: string | null;
  threshold: number;
  levels: LevelSnapshot[];
};

type ProductSnapshot = { productId: string; variants: VariantSnapshot[]; nextExpiry: string | null };

export type StockInfo = {
  /** Units on hand that a shopper can still take. */
  available: number;
  /** Units a shopper can still order, including backorder / pre-order room. */
  orderable: number;
  reserved: number;
  onHand: number;
  incoming: number;
  safetyStock: number;
  backordered: number;
  lowStock: boolean;
  outOfStock: boolean;
  threshold: number;
  policy: InventoryPolicy;
  backorderAllowed: boolean;
  preorder: boolean;
  restockDate: string | null;
};

const SNAPSHOT_SQL = `
select v."id" as "variantId", v."inventoryPolicy" as policy, v."backorderLimit", v."restockDate",
  case when a."isActive" then a."threshold" end as threshold,
  l."warehouseId", w."code" as "warehouseCode", l."onHand", l."safetyStock", l."incoming", l."backordered",
  coalesce(h.active, 0)::int as reserved, h.next_expiry
from "ProductVariant" v
left join "LowStockAlert" a on a."variantId" = v."id"
left join "StockLevel" l on l."variantId" = v."id"
left join "Warehouse" w on w."id" = l."warehouseId"
left join lateral (
  select sum(r."quantity") as active, min(r."expiresAt") as next_expiry from "StockReservation" r
  where r."variantId" = v."id" and r."warehouseId" = l."warehouseId" and r."expiresAt" > now()
) h on true
where v."productId" = $1
order by v."position", v."id", w."priority", w."code"`;

type SnapshotRow = {
  variantId: string; policy: InventoryPolicy; backorderLimit: number; restockDate: Date | null; threshold: number | null;
  warehouseId: string | null; warehouseCode: string | null; onHand: number | null; safetyStock: number | null;
  incoming: number | null; backordered: number | null; reserved: number; next_expiry: Date | null;
};

async function loadProductSnapshot(productId: string): Promise<ProductSnapshot | null> {
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
        threshold: row.threshold ?? env.LOW_STOCK_DEFAULT_THRESHOLD, levels: [],
      };
      variants.set(row.variantId, variant);
    }
    if (row.warehouseId && row.warehouseCode) {
      variant.levels.push({
        warehouseId: row.warehouseId, warehouseCode: row.warehouseCode, onHand: row.onHand ?? 0, reserved: row.reserved,
        safetyStock: row.safetyStock ?? 0, incoming: row.incoming ?? 0, backordered: row.backordered ?? 0,
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

/** Same rule as SQL stockroom_free: safety stock is withheld but never makes a level negative by itself. */
export function freeUnits(level: Pick<LevelSnapshot, "onHand" | "safetyStock" | "reserved" | "backordered">): number {
  const unpromised = level.onHand - level.reserved - level.backordered;
  return Math.min(Math.max(unpromised - level.safetyStock, 0), unpromised);
}

/** Sums levels into what a shopper or an admin sees. */
export function summarize(variants: VariantSnapshot[], warehouseId?: string): StockInfo {
  const total = { onHand: 0, reserved: 0, incoming: 0, safetyStock: 0, backordered: 0, net: 0, room: 0, threshold: 0 };
  for (const variant of variants) {
    let net = 0;
    for (const level of variant.levels) {
      if (warehouseId && level.warehouseId !== warehouseId) continue;
      total.onHand += level.onHand;
      total.reserved += level.reserved;
      total.incoming += level.incoming;
      total.safetyStock += level.safetyStock;
      total.backordered += level.backordered;
      net += freeUnits(level);
    }
    total.net += Math.max(0, net);
    total.room += Math.max(0, net + (variant.policy === "DENY" ? 0 : variant.backorderLimit));
    total.threshold += variant.threshold;
  }
  const first = variants[0];
  const policy: InventoryPolicy = variants.find((v) => v.policy !== "DENY")?.policy ?? "DENY";
  const available = total.net;
  return {
    available,
    orderable: total.room,
    reserved: total.reserved,
    onHand: total.onHand,
    incoming: total.incoming,
    safetyStock: total.safetyStock,
    backordered: total.backordered,
    threshold: total.threshold,
    lowStock: available <= total.threshold,
    outOfStock: available === 0,
    policy,
    backorderAllowed: policy !== "DENY",
    preorder: policy === "PREORDER",
    restockDate: variants.length === 1 ? (first?.restockDate ?? null) : (variants.map((v) => v.restockDate).filter(Boolean).sort()[0] ?? null),
  };
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
