import type { InventoryPolicy } from "@/generated/prisma/enums";

/*
 * What "available" means, in one place (DESIGN.md, "Quantity states").
 *
 * A stock level's figures come from ONE SQL function, stockroom_level_stock
 * (prisma/functions/stockroom_level_stock.sql, called through levelStockCall):
 * live reserved (expired holds never count, units parked in flash-sale
 * buckets are not reserved), parked, and available = on hand − live reserved
 * − backordered − safety stock (safety stock never pushes a level below zero
 * by itself; backorders can). Every reader takes its per-level figures from
 * it through the fragments below, and a variant's figures are the sums over
 * its levels, with available = max(0, Σ levels) — no reader restates the
 * arithmetic.
 *
 * Low-stock threshold (one rule): the variant's own threshold when it has
 * one (a LowStockAlert row), whether or not its alert is switched on, else
 * LOW_STOCK_DEFAULT_THRESHOLD. `isActive` only decides whether low stock is
 * *notified*; what counts as low — and what the dashboard, inventory table,
 * variant page, threshold list, storefront and bulk report show — does not
 * depend on it. A variant is "low" at or below its threshold, "out" at 0.
 */

/** What a shopper can take, from a net (Σ of levels' available, or one level's): never below zero. */
export function clampAvailableSql(net: string): string {
  return `greatest(${net}, 0)`;
}

/** The call of stockroom_level_stock for the StockLevel alias `level`, at `now` (an SQL expression). */
export function levelStockCall(level: string, now: string): string {
  const column = (name: string) => `${level}."${name}"`;
  const args = ["variantId", "warehouseId", "onHand", "reserved", "safetyStock", "committed", "unavailable"].map(column);
  return `stockroom_level_stock(${args.join(", ")}, ${now})`;
}

/** Lateral join giving level `level` the columns reserved, parked, available (as `alias`). */
export function levelStockJoin(level: string, now: string, alias = "s"): string {
  return `cross join lateral ${levelStockCall(level, now)} ${alias}`;
}

/** The same for an outer-joined level (a warehouse where the variant may not be stocked). */
export function optionalLevelStockJoin(level: string, now: string, alias = "s"): string {
  return `left join lateral ${levelStockCall(level, now)} ${alias} on true`;
}

/**
 * A `variant_totals` CTE: one row per stocked variant, summed over its levels
 * (those matching `where`, an SQL condition on level `l`): on_hand, reserved,
 * parked, incoming, safety_stock, backordered, committed, unavailable, net (Σ available, may be
 * negative) and available (max(0, net)).
 */
export function variantTotalsCte(now: string, where = "true", name = "variant_totals"): string {
  return `${name} as (
  select l."variantId",
    sum(l."onHand")::int as on_hand, sum(s.reserved)::int as reserved, sum(s.parked)::int as parked,
    sum(l."incoming")::int as incoming, sum(l."safetyStock")::int as safety_stock, sum(l."backordered")::int as backordered,
    sum(l."committed")::int as committed, sum(l."unavailable")::int as unavailable,
    sum(s.available)::int as net, ${clampAvailableSql("sum(s.available)")}::int as available
  from "StockLevel" l ${levelStockJoin("l", now)}
  where ${where}
  group by l."variantId"
)`;
}

/** SQL for the threshold rule: `alert` is a (left-joined) LowStockAlert alias, `fallback` the default's placeholder. */
export function thresholdSql(alert: string, fallback: string): string {
  return `coalesce(${alert}."threshold", ${fallback})`;
}

/** The threshold rule in TypeScript: `own` is the LowStockAlert threshold, if any. */
export function lowStockThreshold(own: number | null | undefined, fallback: number): number {
  return own ?? fallback;
}

export type StockStatus = "ok" | "low" | "out";

/** Status from the columns `available` and `threshold`: out = nothing a shopper can take, low = at or under the threshold. */
export const STATUS_SQL = `case when available = 0 then 'out' when available <= threshold then 'low' else 'ok' end`;

export function stockStatus(available: number, threshold: number): StockStatus {
  return available === 0 ? "out" : available <= threshold ? "low" : "ok";
}

export type LevelSnapshot = {
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  /** Units in live holds (expired holds and parked flash-sale units excluded). */
  reserved: number;
  safetyStock: number;
  incoming: number;
  backordered: number;
  /** Units of placed orders not shipped yet (backordered ones included). */
  committed: number;
  /** On hand but not sellable (returns awaiting inspection). */
  unavailable: number;
  /** stockroom_level_stock's available: may be negative when backorders promise more than is on hand. */
  available: number;
};

export type VariantSnapshot = {
  variantId: string;
  policy: InventoryPolicy;
  backorderLimit: number;
  restockDate: string | null;
  threshold: number;
  levels: LevelSnapshot[];
};

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
  committed: number;
  unavailable: number;
  lowStock: boolean;
  outOfStock: boolean;
  threshold: number;
  policy: InventoryPolicy;
  backorderAllowed: boolean;
  preorder: boolean;
  restockDate: string | null;
};

/** Sums levels (already computed by stockroom_level_stock) into what a shopper or an admin sees. */
export function summarize(variants: VariantSnapshot[], warehouseId?: string): StockInfo {
  const total = { onHand: 0, reserved: 0, incoming: 0, safetyStock: 0, backordered: 0, committed: 0, unavailable: 0, net: 0, room: 0, threshold: 0 };
  for (const variant of variants) {
    let net = 0;
    for (const level of variant.levels) {
      if (warehouseId && level.warehouseId !== warehouseId) continue;
      total.onHand += level.onHand;
      total.reserved += level.reserved;
      total.incoming += level.incoming;
      total.safetyStock += level.safetyStock;
      total.backordered += level.backordered;
      total.committed += level.committed;
      total.unavailable += level.unavailable;
      net += level.available;
    }
    total.net += Math.max(0, net);
    total.room += Math.max(0, net + (variant.policy === "DENY" ? 0 : variant.backorderLimit));
    total.threshold += variant.threshold;
  }
  const first = variants[0];
  const policy: InventoryPolicy = variants.find((v) => v.policy !== "DENY")?.policy ?? "DENY";
  const available = total.net;
  const status = stockStatus(available, total.threshold);
  return {
    available,
    orderable: total.room,
    reserved: total.reserved,
    onHand: total.onHand,
    incoming: total.incoming,
    safetyStock: total.safetyStock,
    backordered: total.backordered,
    committed: total.committed,
    unavailable: total.unavailable,
    threshold: total.threshold,
    lowStock: status !== "ok",
    outOfStock: status === "out",
    policy,
    backorderAllowed: policy !== "DENY",
    preorder: policy === "PREORDER",
    restockDate: variants.length === 1 ? (first?.restockDate ?? null) : (variants.map((v) => v.restockDate).filter(Boolean).sort()[0] ?? null),
  };
}
