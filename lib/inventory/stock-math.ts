import type { InventoryPolicy } from "@/generated/prisma/enums";

// Pure stock arithmetic shared by reads, checkout and the UI (no I/O here).

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

