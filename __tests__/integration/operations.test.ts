import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import {
  InventoryError,
  adjustStock,
  getStockInfo,
  receiveStock,
  recordDamage,
  recordReturn,
  reserveStock,
  transferStock,
  verifyLedger,
} from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const actor = "ops@stockroom.test";

describe("stock operations", () => {
  it("writes one movement per operation with actor and reference, and keeps the ledger exact", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 10 } });
    const ids = { variantId: v.variantId, warehouseId: warehouses.main.id, actor };
    await receiveStock({ ...ids, quantity: 5, reference: "PO-1001" });
    await adjustStock({ ...ids, delta: -2, notes: "cycle count" });
    await recordReturn({ ...ids, quantity: 1, reference: "RMA-7" });
    await recordDamage({ ...ids, quantity: 3, notes: "water damage" });
    const transfer = await transferStock({ variantId: v.variantId, fromWarehouseId: warehouses.main.id, toWarehouseId: warehouses.east.id, quantity: 4, actor });
    const moves = await db.inventoryMovement.findMany({
      where: { variantId: v.variantId, createdBy: actor },
      orderBy: { id: "asc" },
      select: { type: true, quantity: true, reference: true, warehouseId: true },
    });
    expect(moves).toEqual([
      { type: "PURCHASE_ORDER", quantity: 5, reference: "PO-1001", warehouseId: warehouses.main.id },
      { type: "ADJUSTMENT", quantity: -2, reference: null, warehouseId: warehouses.main.id },
      { type: "RETURN", quantity: 1, reference: "RMA-7", warehouseId: warehouses.main.id },
      { type: "DAMAGE", quantity: -3, reference: null, warehouseId: warehouses.main.id },
      { type: "TRANSFER", quantity: -4, reference: transfer.reference, warehouseId: warehouses.main.id },
      { type: "TRANSFER", quantity: 4, reference: transfer.reference, warehouseId: warehouses.east.id },
    ]);
    expect(await getStockInfo({ productId: v.productId, warehouseId: warehouses.main.id })).toMatchObject({ onHand: 7 });
    expect(await getStockInfo({ productId: v.productId, warehouseId: warehouses.east.id })).toMatchObject({ onHand: 4 });
    expect(await verifyLedger()).toMatchObject({ ok: true, checkedLevels: 2 });
  });

  it("never takes on-hand below zero, and never moves units held for carts", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 5 } });
    const ids = { variantId: v.variantId, warehouseId: warehouses.main.id, actor };
    const damage = (await recordDamage({ ...ids, quantity: 6 }).catch((e: unknown) => e)) as InventoryError;
    expect(damage.code).toBe("NEGATIVE_STOCK");
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 4 });
    const transfer = (await transferStock({ variantId: v.variantId, fromWarehouseId: warehouses.main.id, toWarehouseId: warehouses.east.id, quantity: 2, actor }).catch(
      (e: unknown) => e,
    )) as InventoryError;
    expect(transfer.code).toBe("NEGATIVE_STOCK");
    expect(transfer.message).toMatch(/Only 1 units are free/);
    expect(await db.inventoryMovement.count({ where: { type: { in: ["DAMAGE", "TRANSFER"] } } })).toBe(0);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("reduces expected incoming stock when a purchase order arrives", async () => {
    const v = await createStockedVariant([warehouses.main], {});
    await db.stockLevel.update({ where: { variantId_warehouseId: { variantId: v.variantId, warehouseId: warehouses.main.id } }, data: { incoming: 12 } });
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 5, reference: "PO-2", actor });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 5, incoming: 7 });
  });

  it.each([
    ["a zero adjustment", () => adjustStock({ variantId: "00000000-0000-4000-8000-000000000000", warehouseId: "00000000-0000-4000-8000-000000000000", delta: 0, actor, notes: "x" })],
    ["an adjustment without a reason", () => adjustStock({ variantId: "00000000-0000-4000-8000-000000000000", warehouseId: "00000000-0000-4000-8000-000000000000", delta: 2, actor, notes: " " })],
    ["a receipt without a PO number", () => receiveStock({ variantId: "00000000-0000-4000-8000-000000000000", warehouseId: "00000000-0000-4000-8000-000000000000", quantity: 2, actor, reference: "" })],
    ["a transfer to the same warehouse", () => transferStock({ variantId: "00000000-0000-4000-8000-000000000000", fromWarehouseId: "00000000-0000-4000-8000-000000000000", toWarehouseId: "00000000-0000-4000-8000-000000000000", quantity: 1, actor })],
  ])("rejects %s with a VALIDATION error", async (_label, call) => {
    const error = (await call().catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe("VALIDATION");
  });

  it("answers NOT_FOUND for a variant that is not stocked in the warehouse", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 1 } });
    const error = (await recordDamage({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 1, actor }).catch((e: unknown) => e)) as InventoryError;
    expect(error.code).toBe("NOT_FOUND");
  });
});
