import { randomUUID } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { addToCartAction } from "@/app/actions/cart";
import { placeOrderAction } from "@/app/actions/checkout";
import { db } from "@/lib/db";
import { getStockInfo, sweepExpiredHolds, verifyLedger } from "@/lib/inventory";
import { getCart } from "@/lib/store/cart";
import { getShopperOrder } from "@/lib/store/orders";
import { callerContext, createStockedVariant, expireHolds, freshWarehousesPerTest } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

function checkoutForm(overrides: Record<string, string> = {}) {
  return {
    orderId: randomUUID(), email: "sam@example.com", name: "Sam Shopper", address1: "1 Main St", address2: "",
    city: "Springfield", postalCode: "12345", country: "us", cardNumber: "4242 4242 4242 4242", cardExpiry: "12/39", cardCvc: "123",
    ...overrides,
  };
}

async function cartWith(quantity: number, stock = 5) {
  const v = await createStockedVariant([warehouses.main], { stock: { MAIN: stock }, priceCents: 2_000 });
  const caller = callerContext();
  const added = await addToCartAction.runWithContext(caller.context, { variantId: v.variantId, quantity });
  expect(added.ok).toBe(true);
  return { ...caller, variant: v };
}

describe("checkout (placeOrderAction)", () => {
  it("commits the holds into an order the shopper (and only the shopper) can see", async () => {
    const { cart, context, variant } = await cartWith(2);
    const form = checkoutForm();
    const result = await placeOrderAction.runWithContext(context, form);
    expect(result).toEqual({ ok: true, data: { orderId: form.orderId, alreadyPlaced: false } });
    expect(await getStockInfo({ productId: variant.productId })).toMatchObject({ onHand: 5, committed: 2, reserved: 0, available: 3 });
    expect((await getCart(cart)).lines).toEqual([]);
    const order = await getShopperOrder(form.orderId, { sessionId: cart });
    expect(order).toMatchObject({ email: "sam@example.com", subtotalCents: 4_000, address: { country: "US", city: "Springfield" } });
    expect(order?.lines).toEqual([expect.objectContaining({ figures: expect.objectContaining({ ordered: 2, committed: 2 }), unitPriceCents: 2_000 })]);
    expect(await getShopperOrder(form.orderId, { sessionId: callerContext().cart })).toBeNull();
    expect((await verifyLedger()).ok).toBe(true);
  });

  it("a double submit with the same idempotency key places one order", async () => {
    const { context, variant } = await cartWith(2);
    const form = checkoutForm();
    const [first, second] = await Promise.all([placeOrderAction.runWithContext(context, form), placeOrderAction.runWithContext(context, form)]);
    expect([first, second].every((r) => r.ok)).toBe(true);
    const again = await placeOrderAction.runWithContext(context, form);
    expect(again).toEqual({ ok: true, data: { orderId: form.orderId, alreadyPlaced: true } });
    expect(await db.order.count()).toBe(1);
    expect(await db.inventoryMovement.count({ where: { type: "COMMIT" } })).toBe(1);
    expect(await getStockInfo({ productId: variant.productId })).toMatchObject({ committed: 2, available: 3 });
  });

  it("refuses when a hold expired and was swept, writing nothing", async () => {
    const { cart, context } = await cartWith(1);
    await expireHolds(cart!);
    await sweepExpiredHolds();
    const result = await placeOrderAction.runWithContext(context, checkoutForm());
    expect(result).toMatchObject({ ok: false, error: { code: "HOLD_EXPIRED" } });
    expect(await db.order.count()).toBe(0);
  });

  it("a declined card places no order and keeps the holds", async () => {
    const { context, variant } = await cartWith(1);
    const result = await placeOrderAction.runWithContext(context, checkoutForm({ cardNumber: "4000 0000 0000 0002" }));
    expect(result).toMatchObject({ ok: false, error: { code: "PAYMENT_DECLINED", fieldErrors: { cardNumber: ["Card declined"] } } });
    expect(await db.order.count()).toBe(0);
    expect(await getStockInfo({ productId: variant.productId })).toMatchObject({ reserved: 1 });
  });

  it.each([
    ["email", { email: "nope" }],
    ["name", { name: "   " }],
    ["postalCode", { postalCode: "!!" }],
    ["country", { country: "Narnia" }],
    ["cardNumber", { cardNumber: "4242 4242 4242 4241" }],
    ["cardExpiry", { cardExpiry: "01/20" }],
    ["cardCvc", { cardCvc: "12a" }],
    ["orderId", { orderId: "abc" }],
    ["name", { name: "Sam\u0000Shopper" }],
    ["address1", { address1: "1 Main St\r\nX-Injected: 1" }],
    ["address2", { address2: "\u0007" }],
    ["city", { city: "Spring\u0085field" }],
  ])("reports an invalid %s inline and writes nothing", async (field, patch) => {
    const { context } = await cartWith(1);
    const result = await placeOrderAction.runWithContext(context, checkoutForm(patch));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("VALIDATION");
    expect(Object.keys(result.error.fieldErrors ?? {})).toEqual([field]);
    expect(await db.order.count()).toBe(0);
  });

  it("an empty cart, or no cart at all, cannot check out", async () => {
    expect(await placeOrderAction.runWithContext(callerContext().context, checkoutForm())).toMatchObject({ ok: false, error: { code: "EMPTY_CART" } });
    expect(await placeOrderAction.runWithContext(callerContext({ cart: null }).context, checkoutForm())).toMatchObject({ ok: false, error: { code: "EMPTY_CART" } });
  });

  it("an order id used by another shopper is refused", async () => {
    const first = await cartWith(1);
    const form = checkoutForm();
    expect((await placeOrderAction.runWithContext(first.context, form)).ok).toBe(true);
    const second = await cartWith(1);
    expect(await placeOrderAction.runWithContext(second.context, form)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
