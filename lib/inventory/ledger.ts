import { pgPool } from "@/lib/db";

export type LedgerMismatch = {
  variantId: string;
  warehouseId: string;
  onHand: number;
  movementOnHand: number;
  reserved: number;
  movementReserved: number;
  holdsReserved: number;
};

export type LedgerReport = { ok: boolean; checkedLevels: number; mismatches: LedgerMismatch[] };

/**
 * Proves the ledger: for every stock level, on-hand equals the sum of its
 * movements' quantities, and reserved equals both the sum of their
 * reservedDelta and the units in its hold rows. In flash-sale mode "reserved"
 * is the effective figure: the counter minus the units parked in the level's
 * buckets (parking moves no stock and writes no movement).
 */
export async function verifyLedger(): Promise<LedgerReport> {
  const { rows } = await pgPool().query<LedgerMismatch & { mismatch: boolean }>(`
    select l."variantId", l."warehouseId", l."onHand", (l."reserved" - coalesce(b.parked, 0))::int as "reserved",
      coalesce(m.on_hand, 0)::int as "movementOnHand", coalesce(m.reserved, 0)::int as "movementReserved",
      coalesce(h.held, 0)::int as "holdsReserved"
    from "StockLevel" l
    left join (select "variantId", "warehouseId", sum("quantity") as on_hand, sum("reservedDelta") as reserved
               from "InventoryMovement" group by 1, 2) m using ("variantId", "warehouseId")
    left join (select "variantId", "warehouseId", sum("quantity") as held
               from "StockReservation" group by 1, 2) h using ("variantId", "warehouseId")
    left join (select "variantId", "warehouseId", sum("free") as parked
               from "StockBucket" group by 1, 2) b using ("variantId", "warehouseId")`);
  const mismatches = rows.filter(
    (r) => r.onHand !== r.movementOnHand || r.reserved !== r.movementReserved || r.reserved !== r.holdsReserved,
  );
  return { ok: mismatches.length === 0, checkedLevels: rows.length, mismatches };
}
