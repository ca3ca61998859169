import { describe, expect, it } from "@jest/globals";
import { addToCartAction, reReserveCartLineAction, removeCartLineAction, setCartLineAction } from "@/app/actions/cart";
import { db } from "@/lib/db";
import { getStockInfo, sweepExpiredHolds, verifyLedger } from "@/lib/inventory";
import { getCart } from "@/lib/store/cart";
import { callerContext, createStockedVariant, expireHolds, freshWarehousesPerTest } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

describe("cart actions (through the real action client)", () => {
  it("adding holds the stock and records the line", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const { cart, context, revalidated } = callerContext();
    const result = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 3 });
    // The answer carries the cart's new item count; nothing is re-rendered (the product page updates its header itself).
    expect(result).toMatchObject({ ok: true, data: { quantity: 3, requested: 3, limited: false, cartItems: 3 } });
    expect(revalidated).toEqual([]);
    const again = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 2 });
    expect(again).toMatchObject({ ok: true, data: { quantity: 5, cartItems: 5 } });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ available: 5, reserved: 5 });
    const view = await getCart(cart);
    expect(view.lines).toEqual([expect.objectContaining({ variantId: v.variantId, quantity: 5, held: 5, status: "held" })]);
    expect(view.itemCount).toBe(5);
  });

  it("holds what is left when fewer units remain, and says so", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 2 } });
    const { context } = callerContext();
    const result = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 5 });
    expect(result).toMatchObject({ ok: true, data: { quantity: 2, requested: 5, limited: true } });
    const more = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
    expect(more).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_STOCK", message: "You already have all 2 available in your cart" } });
  });

  it("refuses a sold-out variant with a typed error and writes nothing", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 0 } });
    const { cart, context } = callerContext();
    const result = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_STOCK", message: "Out of stock" } });
    expect(await db.cartLine.count({ where: { sessionId: cart! } })).toBe(0);
    expect(await db.stockReservation.count()).toBe(0);
  });

  it.each([
    ["zero", { quantity: 0 }, "quantity"],
    ["negative", { quantity: -2 }, "quantity"],
    ["huge", { quantity: 100_000 }, "quantity"],
    ["fractional", { quantity: 1.5 }, "quantity"],
    ["not a number", { quantity: "lots" }, "quantity"],
    ["malformed id", { variantId: "42; drop table" }, "variantId"],
  ])("rejects a %s input with field errors and no writes", async (_label, patch, field) => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    const { context } = callerContext();
    const result = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("VALIDATION");
    expect(Object.keys(result.error.fieldErrors ?? {})).toContain(field);
    expect(await db.stockReservation.count()).toBe(0);
    expect(await db.cartLine.count()).toBe(0);
  });

  it("reports an unknown variant as NOT_FOUND", async () => {
    const { context } = callerContext();
    const result = await addToCartAction.runWithContext(context, { variantId: "00000000-0000-4000-8000-000000000000", quantity: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("changing a quantity re-reserves; asking for too many leaves the line as it was", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const { cart, context } = callerContext();
    await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
    const set = await setCartLineAction.runWithContext(context, { variantId: v.variantId, quantity: 3 });
    // The answer carries what the cart page shows besides the line (it is not re-rendered): count and subtotal.
    expect(set).toMatchObject({ ok: true, data: { quantity: 3, cartItems: 3, subtotalCents: 3 * 2_500 } });
    const tooMany = await setCartLineAction.runWithContext(context, { variantId: v.variantId, quantity: 9 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "INSUFFICIENT_STOCK", details: { available: 4 } } });
    expect((await getCart(cart)).lines[0]).toMatchObject({ quantity: 3, held: 3 });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ reserved: 3 });
  });

  it("removing a line releases its hold with a RELEASE movement", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const { cart, context } = callerContext();
    await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 2 });
    expect(await removeCartLineAction.runWithContext(context, { variantId: v.variantId })).toEqual({ ok: true, data: { variantId: v.variantId } });
    expect((await getCart(cart)).lines).toEqual([]);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ available: 4, reserved: 0 });
    expect(await db.inventoryMovement.count({ where: { variantId: v.variantId, type: "RELEASE" } })).toBe(1);
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("an expired, swept hold shows as expired and can be held again", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const { cart, context } = callerContext();
    await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 2 });
    await expireHolds(cart!);
    await sweepExpiredHolds();
    expect((await getCart(cart)).lines[0]).toMatchObject({ quantity: 2, held: 0, status: "expired", expiresAt: null });
    const again = await reReserveCartLineAction.runWithContext(context, { variantId: v.variantId });
    expect(again).toMatchObject({ ok: true, data: { quantity: 2, limited: false } });
    expect((await getCart(cart)).lines[0]).toMatchObject({ held: 2, status: "held" });
  });

  it("a shopper without a cart cookie cannot change or remove lines", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 4 } });
    const { context } = callerContext({ cart: null });
    expect(await setCartLineAction.runWithContext(context, { variantId: v.variantId, quantity: 1 })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await removeCartLineAction.runWithContext(context, { variantId: v.variantId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("limits how often one cart session can change holds", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 100 } });
    const { context } = callerContext();
    for (let i = 0; i < 60; i += 1) {
      expect((await setCartLineAction.runWithContext(context, { variantId: v.variantId, quantity: 1 + (i % 3) })).ok).toBe(true);
    }
    const limited = await addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
    expect(limited).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    // Another shopper is not affected.
    expect((await addToCartAction.runWithContext(callerContext().context, { variantId: v.variantId, quantity: 1 })).ok).toBe(true);
  });
});
