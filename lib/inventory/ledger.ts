import { pgPool } from "@/lib/db";

export type LedgerMismatch = {
  variantId: string;
  warehouseId: string;
  onHand: number;
  movementOnHand: number;
  reserved: number;
  movementReserved: number;
  holdsReserved: number;
  committed: number;
  movementCommitted: number;
  linesCommitted: number;
  backordered: number;
  movementBackordered: number;
  linesBackordered: number;
  unavailable: number;
  movementUnavailable: number;
  /** Units unavailable for return inspection, by the ledger, and by the order lines. */
  movementInspection: number;
  linesUnavailable: number;
};

export type LedgerReport = { ok: boolean; checkedLevels: number; mismatches: LedgerMismatch[] };

/**
 * Proves the ledger: for every stock level, each quantity column equals the
 * sum of its movements' column (on hand = Σ quantity, reserved = Σ
 * reservedDelta, committed, backordered, unavailable likewise), and each also
 * equals what it counts: reserved the units in its hold rows; committed the
 * open units of order lines shipping from it (ordered − fulfilled −
 * cancelled); backordered their uncovered units; and the part of
 * unavailable set aside for return inspection their returned units awaiting
 * it (the rest is quality control or damaged stock, by reason in the ledger). In flash-sale mode "reserved" is the effective
 * figure: the counter minus the units parked in the level's buckets (parking
 * moves no stock and writes no movement).
 */
export async function verifyLedger(): Promise<LedgerReport> {
  const { rows } = await pgPool().query<LedgerMismatch>(`
    select l."variantId", l."warehouseId", l."onHand", (l."reserved" - coalesce(b.parked, 0))::int as "reserved",
      l."committed", l."backordered", l."unavailable",
      coalesce(m.on_hand, 0)::int as "movementOnHand", coalesce(m.reserved, 0)::int as "movementReserved",
      coalesce(m.committed, 0)::int as "movementCommitted", coalesce(m.backordered, 0)::int as "movementBackordered",
      coalesce(m.unavailable, 0)::int as "movementUnavailable", coalesce(m.inspection, 0)::int as "movementInspection",
      coalesce(h.held, 0)::int as "holdsReserved",
      coalesce(o.committed, 0)::int as "linesCommitted", coalesce(o.backordered, 0)::int as "linesBackordered",
      coalesce(o.unavailable, 0)::int as "linesUnavailable"
    from "StockLevel" l
    left join (select "variantId", "warehouseId", sum("quantity") as on_hand, sum("reservedDelta") as reserved,
                 sum("committedDelta") as committed, sum("backorderedDelta") as backordered, sum("unavailableDelta") as unavailable,
                 sum("unavailableDelta") filter (where "unavailableReason" = 'RETURN_INSPECTION') as inspection
               from "InventoryMovement" group by 1, 2) m using ("variantId", "warehouseId")
    left join (select "variantId", "warehouseId", sum("quantity") as held
               from "StockReservation" group by 1, 2) h using ("variantId", "warehouseId")
    left join (select "variantId", "warehouseId", sum("free") as parked
               from "StockBucket" group by 1, 2) b using ("variantId", "warehouseId")
    left join (select "variantId", "warehouseId",
                 sum("quantity" - "fulfilledQuantity" - "cancelledQuantity") as committed, sum("backorderedQuantity") as backordered,
                 sum("returnedQuantity" - "restockedQuantity" - "writtenOffQuantity") as unavailable
               from "OrderLine" group by 1, 2) o using ("variantId", "warehouseId")`);
  const mismatches = rows.filter(
    (r) => r.onHand !== r.movementOnHand || r.reserved !== r.movementReserved || r.reserved !== r.holdsReserved
      || r.committed !== r.movementCommitted || r.committed !== r.linesCommitted
      || r.backordered !== r.movementBackordered || r.backordered !== r.linesBackordered
      || r.unavailable !== r.movementUnavailable || r.movementInspection !== r.linesUnavailable,
  );
  return { ok: mismatches.length === 0, checkedLevels: rows.length, mismatches };
}
