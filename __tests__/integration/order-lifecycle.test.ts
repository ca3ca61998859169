import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import {
  cancelOrder, cancelOrderAsShopper, commitReservation, disposeReturn, fulfilOrder, getStockInfo, receiveReturn, verifyLedger,
} from "@/lib/inventory";
import { OrderStateError } from "@/lib/errors";
import { createStockedVariant, freshWarehousesPerTest, putInCart, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();
const actor = "ops@stockroom.test";
const customer = { email: "sam@example.com", name: "Sam" };

async function placed(items: { variantId: string; quantity: number }[]) {
  const cart = sessionId();
  for (const item of items) await putInCart({ ...item, sessionId: cart });
  const { orderId } = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer });
  const lines = await db.orderLine.findMany({ where: { orderId }, orderBy: { id: "asc" } });
  return { orderId, cart, lines };
}

const stock = (productId: string) => getStockInfo({ productId });
const status = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;
const expectLedgerExact = async () => expect(await verifyLedger()).toMatchObject({ ok: true, mismatches: [] });

describe("order lifecycle", () => {
  it("fulfils part of an order: on hand and committed drop together, the rest stays committed; then the rest", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({ status: "PLACED", number: expect.any(Number) });

    const first = await fulfilOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: lines[0]!.id, quantity: 1 }], actor, trackingNumber: "1Z999" });
    expect(first).toMatchObject({ status: "PARTIALLY_FULFILLED", alreadyApplied: false });
    expect(await stock(v.productId)).toMatchObject({ onHand: 9, committed: 2, available: 7 });
    const rest = await fulfilOrder({ eventId: randomUUID(), orderId, actor });
    expect(rest).toMatchObject({ status: "FULFILLED", lines: [{ orderLineId: lines[0]!.id, quantity: 2 }] });
    expect(await stock(v.productId)).toMatchObject({ onHand: 7, committed: 0, available: 7 });
    const moves = await db.inventoryMovement.findMany({ where: { reference: orderId, type: "FULFILMENT" }, select: { quantity: true, committedDelta: true } });
    expect(moves).toEqual([{ quantity: -1, committedDelta: -1 }, { quantity: -2, committedDelta: -2 }]);
    await expectLedgerExact();
  });

  it("is idempotent per event id: a retried fulfilment ships nothing twice", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const { orderId } = await placed([{ variantId: v.variantId, quantity: 2 }]);
    const eventId = randomUUID();
    const [a, b] = await Promise.all([fulfilOrder({ eventId, orderId, actor }), fulfilOrder({ eventId, orderId, actor })]);
    expect([a.alreadyApplied, b.alreadyApplied].sort()).toEqual([false, true]);
    expect(await stock(v.productId)).toMatchObject({ onHand: 3, committed: 0 });
    const reused = await cancelOrder({ eventId, orderId, actor }).catch((e: unknown) => e);
    expect(reused).toMatchObject({ code: "CONFLICT" });
    await expectLedgerExact();
  });

  it("fulfils only what ships from the chosen warehouse", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 1, EAST: 2 } });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]); // the hold spans both
    expect(lines.map((l) => [l.warehouseId, l.quantity]).sort()).toEqual([[warehouses.east.id, 2], [warehouses.main.id, 1]].sort());
    const east = await fulfilOrder({ eventId: randomUUID(), orderId, warehouseId: warehouses.east.id, actor });
    expect(east.lines).toEqual([{ orderLineId: lines.find((l) => l.warehouseId === warehouses.east.id)!.id, quantity: 2 }]);
    const mainLine = lines.find((l) => l.warehouseId === warehouses.main.id)!;
    const wrong = await fulfilOrder({ eventId: randomUUID(), orderId, warehouseId: warehouses.east.id, lines: [{ orderLineId: mainLine.id, quantity: 1 }], actor }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "VALIDATION" });
    expect(await status(orderId)).toBe("PARTIALLY_FULFILLED");
    await expectLedgerExact();
  });

  it("refuses impossible transitions with typed errors and writes nothing", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 1 }, policy: "BACKORDER", backorderLimit: 5 });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]); // 1 covered, 2 backordered
    const line = lines[0]!;
    const before = await db.inventoryMovement.count();

    const overShip = await fulfilOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 2 }], actor }).catch((e: unknown) => e);
    expect(overShip).toBeInstanceOf(OrderStateError);
    expect(overShip).toMatchObject({ code: "ORDER_STATE", message: expect.stringContaining("Only 1 of"), details: { shippable: 1, backordered: 2 } });
    const overReturn = await receiveReturn({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 1 }], refundCents: 0, actor }).catch((e: unknown) => e);
    expect(overReturn).toMatchObject({ code: "ORDER_STATE", details: { returnable: 0 } });
    const unknownOrder = await fulfilOrder({ eventId: randomUUID(), orderId: randomUUID(), actor }).catch((e: unknown) => e);
    expect(unknownOrder).toMatchObject({ code: "NOT_FOUND" });
    const unknownLine = await cancelOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: randomUUID(), quantity: 1 }], actor }).catch((e: unknown) => e);
    expect(unknownLine).toMatchObject({ code: "VALIDATION" });
    const badInput = await fulfilOrder({ eventId: "x", orderId, lines: [{ orderLineId: line.id, quantity: 0 }], actor }).catch((e: unknown) => e);
    expect(badInput).toMatchObject({ code: "VALIDATION" });
    const nothing = await disposeReturn({ eventId: randomUUID(), orderId, disposition: "restock", lines: [{ orderLineId: line.id, quantity: 1 }], actor }).catch((e: unknown) => e);
    expect(nothing).toMatchObject({ code: "ORDER_STATE", details: { awaiting: 0 } });
    expect(await db.inventoryMovement.count()).toBe(before);
    expect(await db.orderEvent.count()).toBe(0);

    await fulfilOrder({ eventId: randomUUID(), orderId, actor }); // ships the 1 covered unit
    const overCancel = await cancelOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 3 }], actor }).catch((e: unknown) => e);
    expect(overCancel).toMatchObject({ code: "ORDER_STATE", details: { cancellable: 2 } });
    await expectLedgerExact();
  });

  it("cancels: backordered units first, released stock is available again, and the order ends CANCELLED", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 }, policy: "BACKORDER", backorderLimit: 5 });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]);
    expect(await stock(v.productId)).toMatchObject({ committed: 3, backordered: 1, available: 0 });
    await cancelOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: lines[0]!.id, quantity: 1 }], actor });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: lines[0]!.id } })).toMatchObject({ cancelledQuantity: 1, backorderedQuantity: 0 });
    expect(await stock(v.productId)).toMatchObject({ committed: 2, backordered: 0, available: 0 });
    const all = await cancelOrder({ eventId: randomUUID(), orderId, actor });
    expect(all.status).toBe("CANCELLED");
    expect(await stock(v.productId)).toMatchObject({ onHand: 2, committed: 0, available: 2 });
    const again = await cancelOrder({ eventId: randomUUID(), orderId, actor }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: "ORDER_STATE" });
    await expectLedgerExact();
  });

  it("lets a shopper cancel only their own order, and only what has not shipped", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const { orderId, cart, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]);
    const stranger = await cancelOrderAsShopper({ eventId: randomUUID(), orderId, sessionId: sessionId() }).catch((e: unknown) => e);
    expect(stranger).toMatchObject({ code: "NOT_FOUND" });
    await fulfilOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: lines[0]!.id, quantity: 1 }], actor });
    const rest = await cancelOrderAsShopper({ eventId: randomUUID(), orderId, sessionId: cart });
    expect(rest).toMatchObject({ status: "FULFILLED", lines: [{ orderLineId: lines[0]!.id, quantity: 2 }] });
    const nothingLeft = await cancelOrderAsShopper({ eventId: randomUUID(), orderId, sessionId: cart }).catch((e: unknown) => e);
    expect(nothingLeft).toMatchObject({ code: "ORDER_STATE" });
    expect(await stock(v.productId)).toMatchObject({ onHand: 4, committed: 0, available: 4 });
    await expectLedgerExact();
  });

  it("returns shipped units as unavailable, then restocks or writes them off, with the refund recorded", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 }, priceCents: 1_000 });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]);
    await fulfilOrder({ eventId: randomUUID(), orderId, actor });
    const line = lines[0]!;
    const tooMuchRefund = await receiveReturn({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 2 }], refundCents: 2_001, actor }).catch((e: unknown) => e);
    expect(tooMuchRefund).toMatchObject({ code: "VALIDATION" });

    const eventId = randomUUID();
    await receiveReturn({ eventId, orderId, lines: [{ orderLineId: line.id, quantity: 2 }], refundCents: 2_000, actor });
    expect(await db.orderEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({ type: "RETURN", refundCents: 2_000 });
    expect(await stock(v.productId)).toMatchObject({ onHand: 3, unavailable: 2, available: 1 });
    const overReturn = await receiveReturn({ eventId: randomUUID(), orderId, lines: [{ orderLineId: line.id, quantity: 2 }], refundCents: 0, actor }).catch((e: unknown) => e);
    expect(overReturn).toMatchObject({ code: "ORDER_STATE", details: { returnable: 1 } });

    await disposeReturn({ eventId: randomUUID(), orderId, disposition: "restock", lines: [{ orderLineId: line.id, quantity: 1 }], actor });
    expect(await stock(v.productId)).toMatchObject({ onHand: 3, unavailable: 1, available: 2 });
    await disposeReturn({ eventId: randomUUID(), orderId, disposition: "write_off", lines: [{ orderLineId: line.id, quantity: 1 }], actor });
    expect(await stock(v.productId)).toMatchObject({ onHand: 2, unavailable: 0, available: 2 });
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ returnedQuantity: 2, restockedQuantity: 1, writtenOffQuantity: 1 });
    // Unavailable units cannot be sold, moved or adjusted away.
    await expectLedgerExact();
  });

  it("queues confirmation, shipped and cancelled emails to the customer when an email channel exists", async () => {
    await db.alertChannel.create({ data: { type: "EMAIL", name: "Mail", target: "ops@example.com" } });
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 2 }]);
    await fulfilOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: lines[0]!.id, quantity: 1 }], actor });
    await cancelOrder({ eventId: randomUUID(), orderId, actor });
    const mails = await db.notification.findMany({ where: { kind: { in: ["ORDER_CONFIRMED", "ORDER_SHIPPED", "ORDER_CANCELLED"] } }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => [m.kind, (m.payload as { to: string }).to])).toEqual([
      ["ORDER_CONFIRMED", "sam@example.com"], ["ORDER_SHIPPED", "sam@example.com"], ["ORDER_CANCELLED", "sam@example.com"],
    ]);
  });
});

describe("order lifecycle races", () => {
  it("fulfil and cancel of the same units at once: exactly one wins", async () => {
    for (let round = 0; round < 5; round += 1) {
      const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
      const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 2 }]);
      const chosen = [{ orderLineId: lines[0]!.id, quantity: 2 }];
      const outcomes = await Promise.allSettled([
        fulfilOrder({ eventId: randomUUID(), orderId, lines: chosen, actor }),
        cancelOrder({ eventId: randomUUID(), orderId, lines: chosen, actor }),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const loser = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(loser.reason).toMatchObject({ code: "ORDER_STATE" });
      const line = await db.orderLine.findUniqueOrThrow({ where: { id: lines[0]!.id } });
      expect(line.fulfilledQuantity + line.cancelledQuantity).toBe(2);
    }
    await expectLedgerExact();
  });

  it("two admins fulfilling the same line never ship it twice", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 3 } });
    const { orderId, lines } = await placed([{ variantId: v.variantId, quantity: 3 }]);
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () =>
      fulfilOrder({ eventId: randomUUID(), orderId, lines: [{ orderLineId: lines[0]!.id, quantity: 2 }], actor })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db.orderLine.findUniqueOrThrow({ where: { id: lines[0]!.id } })).toMatchObject({ fulfilledQuantity: 2 });
    expect(await stock(v.productId)).toMatchObject({ onHand: 1, committed: 1 });
    await expectLedgerExact();
  });

  it("cancellations racing with receipts and other orders keep backorders and the ledger exact", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 3, EAST: 2 }, policy: "BACKORDER", backorderLimit: 30 });
    const orders = [];
    for (let i = 0; i < 6; i += 1) orders.push(await placed([{ variantId: v.variantId, quantity: 2 }]));
    const { receiveStock } = await import("@/lib/inventory");
    await Promise.all([
      ...orders.slice(0, 3).map((o) => cancelOrder({ eventId: randomUUID(), orderId: o.orderId, actor })),
      receiveStock({ variantId: v.variantId, warehouseId: warehouses.east.id, quantity: 2, reference: "PO-R", actor }),
      placed([{ variantId: v.variantId, quantity: 1 }]),
    ]);
    const info = await stock(v.productId);
    expect(info.backordered).toBe(Math.max(0, info.committed - info.onHand));
    await expectLedgerExact();
  });
});
