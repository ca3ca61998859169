import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { InsufficientStockError, getStockInfo, reserveStock, verifyLedger } from "@/lib/inventory";
import { applyBulkImport } from "@/lib/inventory/bulk/apply";
import type { BulkRow } from "@/lib/inventory/bulk/format";
import { getFlashSaleStatus, startFlashSale } from "@/lib/inventory/flash-sale";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

// A bulk apply is a stock operation like any other: a variant in flash-sale
// mode has its buckets merged before the write and split again after, and its
// guard counts parked units as free (they are), not as held for carts.

const warehouses = freshWarehousesPerTest();

function rows(sku: string, changes: [warehouse: string, mode: BulkRow["mode"], quantity: number][]): BulkRow[] {
  return changes.map(([warehouse, mode, quantity], i) => ({ line: i + 2, sku, warehouse, mode, quantity, reference: null, notes: null }));
}

async function apply(sku: string, changes: [string, BulkRow["mode"], number][], reference: string) {
  const parsed = rows(sku, changes);
  return applyBulkImport({
    rows: parsed, parseErrors: [], parseErrorCount: 0, rowCount: parsed.length,
    reference, filename: "count.csv", checksum: reference, actor: "ops@stockroom.test",
  });
}

describe("bulk apply in flash-sale mode", () => {
  it("accepts a count below the parked units, merges and re-splits the buckets, and sells exactly what is there", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 20, EAST: 10 } });
    await startFlashSale({ variantId: v.variantId, buckets: 4, actor: "admin@stockroom.test" });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 2 });
    const held = await db.stockReservation.findMany({ where: { variantId: v.variantId }, select: { warehouseId: true, quantity: true } });

    // MAIN down to 5 (every free unit there is parked), EAST up by 7 (a receipt the buckets must be able to sell).
    const result = await apply(v.sku, [["MAIN", "set", 5], ["EAST", "increment", 7]], "COUNT-FLASH-1");
    expect(result).toMatchObject({ status: "APPLIED", totals: expect.objectContaining({ errorRows: 0, changedRows: 2 }) });

    const info = await getStockInfo({ productId: v.productId, variantId: v.variantId });
    expect(info).toMatchObject({ onHand: 22, reserved: 2, available: 20 });
    const status = await getFlashSaleStatus(v.variantId);
    expect(status).toMatchObject({ active: true, buckets: 4, parked: 20 });
    const levels = await db.stockLevel.findMany({ where: { variantId: v.variantId }, select: { warehouseId: true, reserved: true } });
    for (const level of levels) {
      const parked = status.slots.filter((s) => s.warehouseId === level.warehouseId).reduce((sum, s) => sum + s.free, 0);
      const holds = held.filter((h) => h.warehouseId === level.warehouseId).reduce((sum, h) => sum + h.quantity, 0);
      expect(level.reserved).toBe(parked + holds);
    }
    expect(await verifyLedger()).toMatchObject({ ok: true, mismatches: [] });

    // Every available unit can be held through the buckets, and not one more.
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 20 });
    await expect(reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 })).rejects.toBeInstanceOf(InsufficientStockError);
  });

  it("still refuses a count below the units held for carts", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    await startFlashSale({ variantId: v.variantId, buckets: 2, actor: "admin@stockroom.test" });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
    const result = await apply(v.sku, [["MAIN", "set", 2]], "COUNT-FLASH-2");
    expect(result.status).toBe("FAILED");
    expect(result.errors[0]?.message).toContain("below the 3 units held for carts");
    expect(await getFlashSaleStatus(v.variantId)).toMatchObject({ active: true, parked: 7 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
