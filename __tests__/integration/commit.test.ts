import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { InventoryError, commitReservation, getStockInfo, reserveStock, verifyLedger } from "@/lib/inventory";
import { createStockedVariant, expireHolds, freshWarehousesPerTest, putInCart, sessionId } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const customer = { email: "sam@example.com", name: "Sam Shopper", address: { line1: "1 Main St", city: "Springfield" } };

describe("commitReservation", () => {
  it("turns holds into an order: units committed (on hand unchanged until shipped), COMMIT movements, holds gone", async () => {
    const a = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 }, priceCents: 1_500 });
    const b = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 1, EAST: 2 }, priceCents: 900 });
    const cart = sessionId();
    await putInCart({ variantId: a.variantId, sessionId: cart, quantity: 2 });
    await putInCart({ variantId: b.variantId, sessionId: cart, quantity: 3 });
    const orderId = randomUUID();
    const order = await commitReservation({ sessionId: cart, orderId, customer });
    expect(order).toEqual({ orderId, alreadyCommitted: false, lines: 3, subtotalCents: 2 * 1_500 + 3 * 900 });
    expect(await getStockInfo({ productId: a.productId })).toMatchObject({ onHand: 10, committed: 2, reserved: 0, available: 8 });
    expect(await getStockInfo({ productId: b.productId })).toMatchObject({ onHand: 3, committed: 3, available: 0, outOfStock: true });
    const commits = await db.inventoryMovement.findMany({ where: { type: "COMMIT", reference: orderId }, select: { quantity: true, committedDelta: true, reservedDelta: true } });
    expect(commits.map((m) => m.committedDelta).sort()).toEqual([1, 2, 2]);
    expect(commits.every((m) => m.quantity === 0 && m.reservedDelta === -m.committedDelta)).toBe(true);
    expect(await db.stockReservation.count()).toBe(0);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("is idempotent per order id, also when two commits race", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const cart = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: cart, quantity: 2 });
    const orderId = randomUUID();
    const [first, second] = await Promise.all([
      commitReservation({ sessionId: cart, orderId, customer }),
      commitReservation({ sessionId: cart, orderId, customer }),
    ]);
    expect([first.alreadyCommitted, second.alreadyCommitted].sort()).toEqual([false, true]);
    const third = await commitReservation({ sessionId: cart, orderId, customer });
    expect(third).toMatchObject({ alreadyCommitted: true, lines: 1 });
    expect(await db.inventoryMovement.count({ where: { type: "COMMIT" } })).toBe(1);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ committed: 2, available: 3 });
  });

  it("commits an expired hold while its units are still free", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 3 } });
    const cart = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: cart, quantity: 2 });
    await expireHolds(cart);
    const order = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer });
    expect(order.alreadyCommitted).toBe(false);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ committed: 2, available: 1 });
  });

  it("fails cleanly when a hold expired and the stock went to someone else", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
    const slow = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: slow, quantity: 2 });
    await expireHolds(slow);
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 2 }); // takes the freed units
    const orderId = randomUUID();
    const error = (await commitReservation({ sessionId: slow, orderId, customer }).catch((e: unknown) => e)) as InventoryError;
    expect(error.code).toBe("EMPTY_CART"); // the expired hold was reclaimed by the other shopper's reservation
    expect(await db.order.count()).toBe(0);
  });

  it("refuses with HOLD_EXPIRED and writes nothing when an unswept expired hold lost its stock", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
    const slow = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: slow, quantity: 2 });
    await expireHolds(slow);
    // Stock disappears without reclaiming the hold (a damage write-off).
    await db.$executeRaw`update "StockLevel" set "onHand" = 0 where "variantId" = ${v.variantId}::uuid`;
    await db.inventoryMovement.create({ data: { variantId: v.variantId, warehouseId: warehouses.main.id, type: "DAMAGE", quantity: -2, createdBy: "test" } });
    const orderId = randomUUID();
    const error = (await commitReservation({ sessionId: slow, orderId, customer }).catch((e: unknown) => e)) as InventoryError;
    expect(error).toBeInstanceOf(InventoryError);
    expect(error.code).toBe("HOLD_EXPIRED");
    expect(await db.order.count()).toBe(0);
    expect(await db.inventoryMovement.count({ where: { type: "COMMIT" } })).toBe(0);
    expect(await db.stockReservation.count()).toBe(1);
  });

  it("records backordered units on the order line", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 1 }, policy: "BACKORDER", backorderLimit: 5 });
    const cart = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: cart, quantity: 3 });
    const { orderId } = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer });
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    expect(line).toMatchObject({ quantity: 3, backorderedQuantity: 2 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 1, committed: 3, backordered: 2, available: 0, orderable: 3 });
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("sells only variants that have a cart line: a hold whose line was never written is left to expire", async () => {
    const inCart = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const orphan = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const cart = sessionId();
    await putInCart({ variantId: inCart.variantId, sessionId: cart, quantity: 1 });
    await reserveStock({ variantId: orphan.variantId, sessionId: cart, quantity: 2 }); // the line write "failed"
    const { orderId } = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer });
    expect((await db.orderLine.findMany({ where: { orderId }, select: { variantId: true } })).map((l) => l.variantId)).toEqual([inCart.variantId]);
    expect(await getStockInfo({ productId: orphan.productId })).toMatchObject({ committed: 0, reserved: 2 });
    expect(await db.stockReservation.count({ where: { sessionId: cart } })).toBe(1);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("rejects an empty cart and bad input with typed errors", async () => {
    const empty = (await commitReservation({ sessionId: sessionId(), orderId: randomUUID(), customer }).catch((e: unknown) => e)) as InventoryError;
    expect(empty.code).toBe("EMPTY_CART");
    const bad = (await commitReservation({ sessionId: sessionId(), orderId: "nope", customer: { ...customer, email: "x" } }).catch(
      (e: unknown) => e,
    )) as InventoryError;
    expect(bad.code).toBe("VALIDATION");
    expect(Object.keys(bad.details.fieldErrors as object).sort()).toEqual(["customer.email", "orderId"]);
  });
});
