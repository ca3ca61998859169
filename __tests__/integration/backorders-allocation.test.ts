import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { commitReservation, getStockInfo, receiveStock, reserveStock, verifyLedger } from "@/lib/inventory";
import { createStockedVariant, freshWarehousesPerTest, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const actor = "receiving@stockroom.test";
const customer = { email: "shopper@example.com", name: "Shopper" };

/** Places an order of `quantity` units, with the order time given explicitly. */
async function order(variantId: string, quantity: number, placedAt: string) {
  const cart = sessionId();
  await reserveStock({ variantId, sessionId: cart, quantity });
  const orderId = randomUUID();
  await commitReservation({ sessionId: cart, orderId, customer, now: new Date(placedAt) });
  return orderId;
}

const openBackorders = async (variantId: string) =>
  Object.fromEntries(
    (await db.orderLine.findMany({ where: { variantId }, select: { orderId: true, backorderedQuantity: true } })).map((l) => [l.orderId, l.backorderedQuantity]),
  );

describe("receiving stock fills backorders first, oldest order first", () => {
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
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 0, backordered: 4, available: 0 });

    const second = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 6, reference: "PO-2", actor });
    expect(second.allocations.map((a) => [a.orderId, a.quantity])).toEqual([[middle, 1], [late, 3]]);
    expect(second.onHand).toBe(2);
    expect(await openBackorders(v.variantId)).toEqual({ [late]: 0, [early]: 0, [middle]: 0 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 2, backordered: 0, available: 2 });

    const fills = await db.inventoryMovement.findMany({ where: { variantId: v.variantId, type: "SALE", notes: { startsWith: "backorder filled" } }, orderBy: { id: "asc" }, select: { reference: true, quantity: true } });
    expect(fills).toEqual([{ reference: early, quantity: -2 }, { reference: middle, quantity: -1 }, { reference: middle, quantity: -1 }, { reference: late, quantity: -3 }]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("fills pre-orders the same way, skips cancelled orders, and only allocates receipts of the same warehouse", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { policy: "PREORDER", backorderLimit: 10 });
    const cancelled = await order(v.variantId, 2, "2030-02-01T08:00:00Z");
    const kept = await order(v.variantId, 2, "2030-02-01T09:00:00Z");
    await db.order.update({ where: { id: cancelled }, data: { status: "CANCELLED" } });
    expect((await db.orderLine.findFirstOrThrow({ where: { orderId: kept } })).preorder).toBe(true);

    const east = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 5, reference: "PO-E", actor });
    expect(east.allocations).toEqual([]);
    const main = await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 5, reference: "PO-M", actor });
    expect(main.allocations).toEqual([expect.objectContaining({ orderId: kept, quantity: 2 })]);
    expect(await openBackorders(v.variantId)).toEqual({ [cancelled]: 2, [kept]: 0 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
