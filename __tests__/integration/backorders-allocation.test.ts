import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { adjustStock, cancelOrder, commitReservation, getStockInfo, receiveStock, transferStock, verifyLedger } from "@/lib/inventory";
import { applyBulkUpload } from "@/lib/bulk/upload";
import { createStockedVariant, freshWarehousesPerTest, putInCart, sessionId } from "../helpers/fixtures";
import { csv, csvSource, opsUser } from "../helpers/bulk";

const warehouses = freshWarehousesPerTest();

const actor = "receiving@stockroom.test";
const customer = { email: "shopper@example.com", name: "Shopper" };

/** Places an order of `quantity` units, with the order time given explicitly. */
async function order(variantId: string, quantity: number, placedAt: string) {
  const cart = sessionId();
  await putInCart({ variantId, sessionId: cart, quantity });
  const orderId = randomUUID();
  await commitReservation({ sessionId: cart, orderId, customer, now: new Date(placedAt) });
  return orderId;
}

const openBackorders = async (variantId: string) => {
  const lines = await db.orderLine.findMany({ where: { variantId }, select: { orderId: true, backorderedQuantity: true } });
  const byOrder: Record<string, number> = {};
  for (const l of lines) byOrder[l.orderId] = (byOrder[l.orderId] ?? 0) + l.backorderedQuantity;
  return byOrder;
};

describe("backorders are covered by any increase, oldest order first", () => {
  it("allocates a receipt FIFO by order time (not by when the line was written) and leaves only the rest free", async () => {
    const v = await createStockedVariant([warehouses.main], { policy: "BACKORDER", backorderLimit: 20 });
    // Written in this order, but placed at these times: the allocation must follow the times.
    const late = await order(v.variantId, 3, "2030-01-01T12:00:00Z");
    const early = await order(v.variantId, 2, "2030-01-01T09:00:00Z");
    const middle = await order(v.variantId, 2, "2030-01-01T10:00:00Z");
    expect(await openBackorders(v.variantId)).toEqual({ [late]: 3, [early]: 2, [middle]: 2 });

    const first = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 3, reference: "PO-1", actor });
    expect(first.allocations).toEqual([
      expect.objectContaining({ orderId: early, quantity: 2 }),
      expect.objectContaining({ orderId: middle, quantity: 1 }),
    ]);
    expect(await openBackorders(v.variantId)).toEqual({ [late]: 3, [early]: 0, [middle]: 1 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 3, committed: 7, backordered: 4, available: 0 });

    const second = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 6, reference: "PO-2", actor });
    expect(second.allocations.map((a) => [a.orderId, a.quantity])).toEqual([[middle, 1], [late, 3]]);
    expect(await openBackorders(v.variantId)).toEqual({ [late]: 0, [early]: 0, [middle]: 0 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 9, committed: 7, backordered: 0, available: 2 });

    const fills = await db.inventoryMovement.findMany({ where: { variantId: v.variantId, type: "ALLOCATION" }, orderBy: { id: "asc" }, select: { reference: true, backorderedDelta: true } });
    expect(fills).toEqual([{ reference: early, backorderedDelta: -2 }, { reference: middle, backorderedDelta: -1 }, { reference: middle, backorderedDelta: -1 }, { reference: late, backorderedDelta: -3 }]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("covers pre-orders from another warehouse in priority order, moving the line there, and skips cancelled orders", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { policy: "PREORDER", backorderLimit: 10 });
    const cancelled = await order(v.variantId, 2, "2030-02-01T08:00:00Z");
    const kept = await order(v.variantId, 2, "2030-02-01T09:00:00Z");
    await cancelOrder({ eventId: randomUUID(), orderId: cancelled, actor });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: kept } });
    expect(line).toMatchObject({ preorder: true, warehouseId: warehouses.main.id, backorderedQuantity: 2 });

    const east = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 5, reference: "PO-E", actor });
    expect(east.allocations).toEqual([expect.objectContaining({ orderId: kept, warehouseId: warehouses.east.id, quantity: 2 })]);
    expect(await db.orderLine.findFirstOrThrow({ where: { orderId: kept } })).toMatchObject({ warehouseId: warehouses.east.id, backorderedQuantity: 0, quantity: 2 });
    expect(await openBackorders(v.variantId)).toEqual({ [cancelled]: 0, [kept]: 0 });
    const levels = await db.stockLevel.findMany({ where: { variantId: v.variantId }, select: { warehouseId: true, committed: true, backordered: true, onHand: true } });
    expect(levels).toEqual(expect.arrayContaining([
      { warehouseId: warehouses.main.id, committed: 0, backordered: 0, onHand: 0 },
      { warehouseId: warehouses.east.id, committed: 2, backordered: 0, onHand: 5 },
    ]));
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("splits a partly covered line between warehouses", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 1 }, policy: "BACKORDER", backorderLimit: 10 });
    const id = await order(v.variantId, 4, "2030-03-01T08:00:00Z");
    expect(await openBackorders(v.variantId)).toEqual({ [id]: 3 });
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 2, reference: "PO-E2", actor });
    const lines = await db.orderLine.findMany({ where: { orderId: id }, select: { warehouseId: true, quantity: true, backorderedQuantity: true } });
    expect(lines).toEqual(expect.arrayContaining([
      { warehouseId: warehouses.main.id, quantity: 2, backorderedQuantity: 1 },
      { warehouseId: warehouses.east.id, quantity: 2, backorderedQuantity: 0 },
    ]));
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 3, committed: 4, backordered: 1, available: 0 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("is triggered by every kind of increase: adjustment, cancellation, receipt elsewhere, bulk row", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { EAST: 3 }, policy: "BACKORDER", backorderLimit: 20 });
    // EAST's 3 units go to a first order; the next ones are backordered at MAIN (the preferred warehouse).
    const first = await order(v.variantId, 3, "2030-04-01T08:00:00Z");
    const a = await order(v.variantId, 1, "2030-04-01T09:00:00Z");
    const b = await order(v.variantId, 1, "2030-04-01T10:00:00Z");
    const c = await order(v.variantId, 1, "2030-04-01T11:00:00Z");
    expect(await openBackorders(v.variantId)).toEqual({ [first]: 0, [a]: 1, [b]: 1, [c]: 1 });

    await adjustStock({ variantId: v.variantId, warehouseId: warehouses.main.id, delta: 1, notes: "found one", actor });
    expect(await openBackorders(v.variantId)).toMatchObject({ [a]: 0, [b]: 1, [c]: 1 });

    // Cancelling the first order frees EAST's 3 units: b and c are covered there (their lines move to EAST).
    await cancelOrder({ eventId: randomUUID(), orderId: first, actor });
    expect(await openBackorders(v.variantId)).toMatchObject({ [b]: 0, [c]: 0 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 4, committed: 3, available: 1 });

    const d = await order(v.variantId, 3, "2030-04-01T12:00:00Z"); // 1 from EAST, 2 backordered at MAIN
    expect(await openBackorders(v.variantId)).toMatchObject({ [d]: 2 });
    // A receipt elsewhere covers it there; the transfer back in then has nothing free to move.
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 1, reference: "PO-X", actor });
    expect(await openBackorders(v.variantId)).toMatchObject({ [d]: 1 });
    await expect(transferStock({ variantId: v.variantId, fromWarehouseId: warehouses.east.id, toWarehouseId: warehouses.main.id, quantity: 1, actor }))
      .rejects.toMatchObject({ code: "NEGATIVE_STOCK" });

    const sku = (await db.productVariant.findUniqueOrThrow({ where: { id: v.variantId } })).sku;
    const result = await applyBulkUpload({
      source: csvSource(csv(["sku,warehouse,quantity,mode", `${sku},MAIN,1,increment`])), request: { filename: "bo.csv", reference: "BULK-BO-1" }, user: opsUser,
    });
    expect(result).toMatchObject({ status: "APPLIED" });
    expect(await openBackorders(v.variantId)).toMatchObject({ [d]: 0 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
