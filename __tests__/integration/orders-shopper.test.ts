import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CART_COOKIE, createCartToken } from "@/lib/auth/cart-session";
import { db } from "@/lib/db";
import { commitReservation, fulfilOrder, getStockInfo, verifyLedger } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { callerContext, createStockedVariant, createWarehouses, putInCart, sessionId, type Warehouses } from "../helpers/fixtures";

// The shopper's order actions and pages: cancel what has not shipped (own
// orders only), the orders of this cart session, and the lookup by number +
// email — rate-limited, one answer for both misses, and a signed grant that
// lets the browser view the order it found.

const mockJar = new Map<string, string>();
const sets: { name: string; value: string; options: Record<string, unknown> }[] = [];
jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (mockJar.has(name) ? { name, value: mockJar.get(name) } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => {
      sets.push({ name, value, options });
      mockJar.set(name, value);
    },
  }),
  headers: async () => new Headers(),
}));

import { cancelMyOrderAction, lookupOrderAction } from "@/app/actions/my-orders";
import { createOrderAccessToken, ORDER_ACCESS_COOKIE, orderIdsFromAccessToken } from "@/lib/auth/order-access";
import { getShopperOrder, listSessionOrders, LOOKUP_MISS } from "@/lib/store/orders";
import OrderPage from "@/app/(store)/orders/[id]/page";

let w: Warehouses;
beforeEach(async () => {
  await truncateAll();
  w = await createWarehouses();
  mockJar.clear();
  sets.length = 0;
});
afterAll(closeConnections);

async function placeOrder(variantId: string, quantity: number, cart = sessionId(), email = "Ada@Example.com", now?: Date) {
  await putInCart({ variantId, sessionId: cart, quantity });
  const orderId = randomUUID();
  await commitReservation({ sessionId: cart, orderId, customer: { email, name: "Ada", address: { address1: "2 High St", city: "Leeds", postalCode: "LS1", country: "GB" } }, ...(now ? { now } : {}) });
  const { number } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
  return { orderId, number, cart };
}

describe("cancel what has not shipped", () => {
  it("cancels the shopper's own order once per eventId; another session's order is not found", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 4 } });
    const { orderId, cart } = await placeOrder(v.variantId, 2);
    const form = { eventId: randomUUID(), orderId };

    expect(await cancelMyOrderAction.runWithContext(callerContext().context, form)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await cancelMyOrderAction.runWithContext(callerContext({ cart: null }).context, form)).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await cancelMyOrderAction.runWithContext(callerContext({ cart }).context, { eventId: "x", orderId })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await db.orderEvent.count()).toBe(0);

    const mine = callerContext({ cart }).context;
    expect(await cancelMyOrderAction.runWithContext(mine, form)).toMatchObject({ ok: true, data: { status: "CANCELLED", alreadyApplied: false } });
    expect(await cancelMyOrderAction.runWithContext(mine, form)).toMatchObject({ ok: true, data: { alreadyApplied: true } });
    expect(await cancelMyOrderAction.runWithContext(mine, { eventId: randomUUID(), orderId })).toMatchObject({ ok: false, error: { code: "ORDER_STATE" } });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 4, committed: 0, available: 4 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("after a partial shipment cancels the rest; once everything shipped it is refused with a typed error", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 4 } });
    const { orderId, cart } = await placeOrder(v.variantId, 3);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId } });
    await fulfilOrder({ eventId: randomUUID(), orderId, actor: "ops", lines: [{ orderLineId: line.id, quantity: 1 }] });
    const page = await getShopperOrder(orderId, { sessionId: cart });
    expect(page).toMatchObject({ status: "PARTIALLY_FULFILLED", owned: true, canCancel: true });
    expect(await cancelMyOrderAction.runWithContext(callerContext({ cart }).context, { eventId: randomUUID(), orderId })).toMatchObject({ ok: true, data: { status: "FULFILLED" } });
    expect((await getShopperOrder(orderId, { sessionId: cart }))!.lines[0]!.figures).toMatchObject({ fulfilled: 1, cancelled: 2, open: 0 });
    expect(await getShopperOrder(orderId, { sessionId: cart })).toMatchObject({ canCancel: false });
    expect(await cancelMyOrderAction.runWithContext(callerContext({ cart }).context, { eventId: randomUUID(), orderId })).toMatchObject({ ok: false, error: { code: "ORDER_STATE" } });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});

describe("order lookup", () => {
  it("finds an order by number (any form) and email (any case), and grants this browser a view of it", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 4 } });
    const { orderId, number, cart } = await placeOrder(v.variantId, 1);
    const result = await lookupOrderAction.runWithContext(callerContext().context, { number: ` sr-${number} `, email: " ADA@example.COM " });
    expect(result).toEqual({ ok: true, data: { orderId, redirectTo: `/orders/${orderId}` } });
    const grant = sets.find((s) => s.name === ORDER_ACCESS_COOKIE)!;
    expect(grant.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/orders", maxAge: 3_600 });
    expect(orderIdsFromAccessToken(grant.value)).toEqual([orderId]);

    // The grant lets another session view the order, not cancel it.
    const viewed = await getShopperOrder(orderId, { sessionId: sessionId(), grantedOrderIds: orderIdsFromAccessToken(grant.value) });
    expect(viewed).toMatchObject({ number, owned: false, canCancel: false });
    expect(await getShopperOrder(orderId, { sessionId: sessionId() })).toBeNull();
    expect(await getShopperOrder(orderId, { sessionId: null, grantedOrderIds: [randomUUID()] })).toBeNull();
    expect(await getShopperOrder(orderId, { sessionId: cart })).toMatchObject({ owned: true, canCancel: true });
    // A forged or expired grant lists nothing.
    expect(orderIdsFromAccessToken(`${grant.value.split(".")[0]}.forged`)).toEqual([]);
    expect(orderIdsFromAccessToken(createOrderAccessToken([orderId], new Date(Date.now() - 3_601_000)))).toEqual([]);
  });

  it("answers a wrong email and an unknown number with the same message, and bad input inline", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 4 } });
    const { number } = await placeOrder(v.variantId, 1);
    const wrongEmail = await lookupOrderAction.runWithContext(callerContext().context, { number: `SR-${number}`, email: "eve@example.com" });
    const unknown = await lookupOrderAction.runWithContext(callerContext().context, { number: String(number + 1), email: "ada@example.com" });
    expect(wrongEmail).toEqual({ ok: false, error: { code: "NOT_FOUND", message: LOOKUP_MISS } });
    expect(unknown).toEqual(wrongEmail);
    expect(await lookupOrderAction.runWithContext(callerContext().context, { number: "ORDER-1", email: "nope" }))
      .toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { number: [expect.stringContaining("SR-10042")], email: [expect.any(String)] } } });
    expect(await lookupOrderAction.runWithContext(callerContext().context, {})).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(sets.filter((s) => s.name === ORDER_ACCESS_COOKIE)).toEqual([]);
  });

  it("is rate-limited per cart session", async () => {
    const caller = callerContext().context;
    const codes = [];
    for (let i = 0; i < 11; i++) {
      const result = await lookupOrderAction.runWithContext(caller, { number: String(20_000 + i), email: "guess@example.com" });
      codes.push(result.ok ? "ok" : result.error.code);
    }
    expect(codes).toEqual([...Array(10).fill("NOT_FOUND"), "RATE_LIMITED"]);
  });
});

describe("the shopper's order pages", () => {
  it("lists this session's orders newest first, keyset-paged, and nobody else's", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 10 } });
    const cart = sessionId();
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push(await placeOrder(v.variantId, 1, cart, "ada@example.com", new Date(`2030-06-0${i + 1}T08:00:00Z`)));
    await placeOrder(v.variantId, 1);
    const first = await listSessionOrders(cart, undefined, 2);
    expect(first.rows.map((r) => r.number)).toEqual([mine[2]!.number, mine[1]!.number]);
    const second = await listSessionOrders(cart, first.olderCursor!, 2);
    expect(second).toEqual({ rows: [expect.objectContaining({ number: mine[0]!.number, units: 1, status: "PLACED" })], olderCursor: null });
    expect(await listSessionOrders(null)).toEqual({ rows: [], olderCursor: null });
    expect((await listSessionOrders(cart, "garbage")).rows).toHaveLength(3);
  });

  it("the order page renders for the placing session and a looked-up grant, and is a 404 for anyone else", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 4 } });
    const { orderId, cart } = await placeOrder(v.variantId, 2);
    const render = () => OrderPage({ params: Promise.resolve({ id: orderId }) }).then(() => "ok", (e: unknown) => (e as { digest?: string }).digest);
    expect(await render()).toMatch(/404|NOT_FOUND/);
    mockJar.set(CART_COOKIE, createCartToken(cart));
    expect(await render()).toBe("ok");
    mockJar.clear();
    mockJar.set(ORDER_ACCESS_COOKIE, createOrderAccessToken([orderId]));
    expect(await render()).toBe("ok");
    expect(await OrderPage({ params: Promise.resolve({ id: "not-a-uuid" }) }).catch((e: unknown) => (e as { digest?: string }).digest)).toMatch(/404|NOT_FOUND/);
  });
});
