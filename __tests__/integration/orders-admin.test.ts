import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { SessionUser } from "@/lib/auth/roles";
import { createAdminSession } from "@/lib/auth/admin-session";
import { db } from "@/lib/db";
import { commitReservation, getStockInfo, verifyLedger } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { contextFor, createStaff } from "../helpers/admin-users";
import { createStockedVariant, createWarehouses, putInCart, sessionId, type Warehouses } from "../helpers/fixtures";

// The admin order pages' read models and actions, through the real action
// pipeline (role, validation, domain, error mapping) against PostgreSQL: every
// refusal is typed (never INTERNAL) and writes nothing; the ledger stays exact.

const mockJar: { admin: string | undefined } = { admin: undefined };
jest.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "stockroom_admin" && mockJar.admin ? { name, value: mockJar.admin } : undefined),
    set: () => {},
  }),
  headers: async () => new Headers(),
}));

import { cancelOrderAction, disposeReturnAction, fulfilOrderAction, receiveReturnAction } from "@/app/actions/orders";
import { getDashboardTiles } from "@/lib/admin/dashboard";
import { listInventory, parseInventoryQuery } from "@/lib/admin/inventory-table";
import { getOrderDetail } from "@/lib/admin/order-detail";
import { getVariantDetail } from "@/lib/admin/variant-detail";
import { listOrders, ORDER_COUNT_CAP, parseOrderQuery } from "@/lib/admin/orders";
import OrdersPage from "@/app/admin/orders/page";
import OrderDetailPage from "@/app/admin/orders/[id]/page";

let staff: { admin: SessionUser; ops: SessionUser };
let w: Warehouses;

beforeEach(async () => {
  await truncateAll();
  staff = await createStaff();
  w = await createWarehouses();
  mockJar.admin = undefined;
});
afterAll(closeConnections);

const asOps = () => contextFor(staff.ops);
const asAdmin = () => contextFor(staff.admin);

async function placeOrder(variantId: string, quantity: number, customer = { email: "Sam@Example.com", name: "Sam Shopper" }, now?: Date) {
  const cart = sessionId();
  await putInCart({ variantId, sessionId: cart, quantity });
  const orderId = randomUUID();
  await commitReservation({ sessionId: cart, orderId, customer: { ...customer, address: { address1: "1 Main St", city: "Springfield", postalCode: "12345", country: "US" } }, ...(now ? { now } : {}) });
  const lines = await db.orderLine.findMany({ where: { orderId }, orderBy: { id: "asc" }, select: { id: true, warehouseId: true } });
  const { number } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
  return { orderId, number, cart, lines };
}

const counts = async () => ({ movements: await db.inventoryMovement.count(), events: await db.orderEvent.count() });

describe("admin order actions", () => {
  it("walks fulfil part → cancel the rest → return → restock, each once per eventId, with the ledger exact", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 5 }, priceCents: 2_000 });
    const { orderId, lines } = await placeOrder(v.variantId, 3);
    const line = lines[0]!.id;

    const fulfil = { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${line}`]: "1", trackingNumber: "1Z999", warehouseId: "" };
    const shipped = await fulfilOrderAction.runWithContext(asOps(), fulfil);
    expect(shipped).toEqual({ ok: true, data: expect.objectContaining({ status: "PARTIALLY_FULFILLED", alreadyApplied: false, lines: [{ orderLineId: line, quantity: 1 }] }) });
    // A double submit of the same form: applied once.
    const before = await counts();
    expect(await fulfilOrderAction.runWithContext(asOps(), fulfil)).toMatchObject({ ok: true, data: { alreadyApplied: true } });
    expect(await counts()).toEqual(before);
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 4, committed: 2, available: 2 });
    expect(await getDashboardTiles()).toMatchObject({ committed: 2, unavailable: 0 });

    const cancelled = await cancelOrderAction.runWithContext(asAdmin(), { eventId: randomUUID(), orderId, scope: "all", note: "customer called" });
    expect(cancelled).toMatchObject({ ok: true, data: { status: "FULFILLED", lines: [{ orderLineId: line, quantity: 2 }] } });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 4, committed: 0, available: 4 });

    const returned = await receiveReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, [`qty:${line}`]: "1", refundCents: "$20.00" });
    expect(returned).toMatchObject({ ok: true });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 5, unavailable: 1, available: 4 });
    // The admin read models show the same committed and unavailable units.
    expect(await getDashboardTiles()).toMatchObject({ unitsOnHand: 5, committed: 0, unavailable: 1 });
    expect((await listInventory(parseInventoryQuery({ sort: "unavailable", dir: "desc" }))).rows[0]).toMatchObject({ id: v.variantId, committed: 0, unavailable: 1, available: 4 });
    expect((await getVariantDetail(v.variantId))!.levels.find((l) => l.warehouseId === w.main.id)).toMatchObject({ onHand: 5, committed: 0, unavailable: 1, available: 4 });

    const restocked = await disposeReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, disposition: "restock", [`qty:${line}`]: "1" });
    expect(restocked).toMatchObject({ ok: true });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 5, unavailable: 0, available: 5 });
    expect(await db.orderEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { type: true, actor: true, trackingNumber: true, refundCents: true } })).toEqual([
      { type: "FULFILMENT", actor: "ops@stockroom.test", trackingNumber: "1Z999", refundCents: null },
      { type: "CANCELLATION", actor: "admin@stockroom.test", trackingNumber: null, refundCents: null },
      { type: "RETURN", actor: "ops@stockroom.test", trackingNumber: null, refundCents: 2_000 },
      { type: "RESTOCK", actor: "ops@stockroom.test", trackingNumber: null, refundCents: null },
    ]);
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });

  it("refuses with typed errors — never INTERNAL — and writes nothing", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 5 } });
    const { orderId, lines } = await placeOrder(v.variantId, 2);
    const line = lines[0]!.id;
    const before = await counts();
    const cases: [unknown, unknown, unknown][] = [
      [fulfilOrderAction, null, { eventId: randomUUID(), orderId, scope: "all" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${line}`]: "3" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "chosen" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${line}`]: "-1" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${randomUUID()}`]: "1" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "everything" }],
      [fulfilOrderAction, asOps(), { eventId: "not-a-uuid", orderId: "x", scope: "all" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId: randomUUID(), scope: "all" }],
      [fulfilOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "all", warehouseId: w.east.id }],
      [receiveReturnAction, asOps(), { eventId: randomUUID(), orderId, [`qty:${line}`]: "1", refundCents: "0" }],
      [receiveReturnAction, asOps(), { eventId: randomUUID(), orderId, [`qty:${line}`]: "1", refundCents: "12.345" }],
      [disposeReturnAction, asOps(), { eventId: randomUUID(), orderId, disposition: "restock", [`qty:${line}`]: "1" }],
      [disposeReturnAction, asOps(), { eventId: randomUUID(), orderId, disposition: "burn", [`qty:${line}`]: "1" }],
      [cancelOrderAction, asOps(), { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${line}`]: "5" }],
      [cancelOrderAction, asOps(), "junk"],
    ];
    const codes = [];
    for (const [action, context, input] of cases) {
      const result = await (action as typeof fulfilOrderAction).runWithContext((context as ReturnType<typeof asOps>) ?? contextFor(null), input);
      expect(result.ok).toBe(false);
      codes.push(result.ok ? "ok" : result.error.code);
    }
    expect(codes).toEqual([
      "UNAUTHENTICATED", "ORDER_STATE", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION", "VALIDATION", "NOT_FOUND",
      "ORDER_STATE", "ORDER_STATE", "VALIDATION", "ORDER_STATE", "VALIDATION", "ORDER_STATE", "VALIDATION",
    ]);
    expect(await counts()).toEqual(before);
    // Field errors land on the inputs the form shows.
    const bad = await fulfilOrderAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, scope: "chosen", [`qty:${line}`]: "1.5" });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { [`qty:${line}`]: ["must be a whole number"] } } });
    const refund = await receiveReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, [`qty:${line}`]: "1", refundCents: "lots" });
    expect(refund).toMatchObject({ ok: false, error: { fieldErrors: { refundCents: ["enter an amount like 12.50"] } } });
  });

  it("cancel after everything shipped and a refund above the returned value are refused", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 5 }, priceCents: 1_000 });
    const { orderId, lines } = await placeOrder(v.variantId, 1);
    expect(await fulfilOrderAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, scope: "all" })).toMatchObject({ ok: true, data: { status: "FULFILLED" } });
    expect(await cancelOrderAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, scope: "all" })).toMatchObject({ ok: false, error: { code: "ORDER_STATE" } });
    const tooMuch = await receiveReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, [`qty:${lines[0]!.id}`]: "1", refundCents: "10.01" });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { refundCents: ["more than the returned units cost"] } } });
    expect(await receiveReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, [`qty:${lines[0]!.id}`]: "1", refundCents: "10" })).toMatchObject({ ok: true });
    expect(await disposeReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, disposition: "write_off", [`qty:${lines[0]!.id}`]: "2" }))
      .toMatchObject({ ok: false, error: { code: "ORDER_STATE" } });
    expect(await disposeReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, disposition: "write_off", [`qty:${lines[0]!.id}`]: "1", note: "torn" }))
      .toMatchObject({ ok: true });
    expect(await getStockInfo({ productId: v.productId })).toMatchObject({ onHand: 4, unavailable: 0, available: 4 });
    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});

describe("order detail", () => {
  it("shows each line's state and source, and a timeline from the events and the ledger", async () => {
    const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 1 }, policy: "BACKORDER", backorderLimit: 10, priceCents: 1_500 });
    const { orderId, number, lines } = await placeOrder(v.variantId, 3);
    expect(lines).toHaveLength(1);
    await fulfilOrderAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, scope: "all", trackingNumber: "TRACK-1" });
    await receiveReturnAction.runWithContext(asOps(), { eventId: randomUUID(), orderId, [`qty:${lines[0]!.id}`]: "1", refundCents: "15" });

    const detail = await getOrderDetail(orderId);
    expect(detail).toMatchObject({ number, status: "PARTIALLY_FULFILLED", email: "sam@example.com", name: "Sam Shopper", refundedCents: 1_500, address: { city: "Springfield" } });
    expect(detail!.lines.map((l) => ({ wh: l.warehouseCode, ...l.figures }))).toEqual([{
      wh: "MAIN", ordered: 3, committed: 0, backordered: 2, open: 2, fulfilled: 1, cancelled: 0, returned: 1, awaitingInspection: 1, restocked: 0, writtenOff: 0, returnable: 0,
    }]);
    const timeline = detail!.timeline.map((e) => (e.kind === "event"
      ? { kind: e.kind, type: e.event.type, actor: e.event.actor, tracking: e.event.trackingNumber, refund: e.event.refundCents, moved: e.movements.map((m) => [m.onHand, m.committed, m.unavailable]) }
      : { kind: e.kind, type: e.type, actor: e.actor, moved: e.movements.map((m) => [m.onHand, m.committed, m.backordered]) }));
    expect(timeline).toEqual([
      { kind: "ledger", type: "COMMIT", actor: "checkout", moved: [[0, 3, 2]] },
      { kind: "event", type: "FULFILMENT", actor: "ops@stockroom.test", tracking: "TRACK-1", refund: null, moved: [[-1, -1, 0]] },
      { kind: "event", type: "RETURN", actor: "ops@stockroom.test", tracking: null, refund: 1_500, moved: [[1, 0, 1]] },
    ]);
    expect(await getOrderDetail(randomUUID())).toBeNull();
  });
});

describe("order list", () => {
  it("filters by status, number (SR-n or n), email and UTC dates, newest first, keyset-paged without repeats", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 50 } });
    const placed = [];
    for (let i = 0; i < 5; i++) {
      placed.push(await placeOrder(v.variantId, 1, { email: `buyer${i}@example.com`, name: `Buyer ${i}` }, new Date(`2030-05-0${i + 1}T12:00:00Z`)));
    }
    await cancelOrderAction.runWithContext(asOps(), { eventId: randomUUID(), orderId: placed[1]!.orderId, scope: "all" });

    const all = await listOrders(parseOrderQuery({}));
    expect(all.rows.map((r) => r.email)).toEqual(["buyer4@example.com", "buyer3@example.com", "buyer2@example.com", "buyer1@example.com", "buyer0@example.com"]);
    expect(all).toMatchObject({ total: 5, totalCapped: false, olderCursor: null, newerCursor: null });

    const q = async (params: Record<string, string>) => (await listOrders(parseOrderQuery(params))).rows.map((r) => r.number);
    expect(await q({ status: "CANCELLED" })).toEqual([placed[1]!.number]);
    expect(await q({ q: `SR-${placed[2]!.number}` })).toEqual([placed[2]!.number]);
    expect(await q({ q: `sr${placed[2]!.number}` })).toEqual([placed[2]!.number]);
    expect(await q({ q: String(placed[3]!.number) })).toEqual([placed[3]!.number]);
    expect(await q({ q: "BUYER0@" })).toEqual([placed[0]!.number]);
    expect(await q({ q: "100%_" })).toEqual([]);
    expect(await q({ from: "2030-05-02", to: "2030-05-03" })).toEqual([placed[2]!.number, placed[1]!.number]);
    // Malformed parameters mean "no filter", not an error page.
    expect(await q({ status: "LOST", from: "yesterday", before: "../../etc" })).toHaveLength(5);

    const seen: number[] = [];
    let page = await listOrders(parseOrderQuery({}), 2);
    seen.push(...page.rows.map((r) => r.number));
    while (page.olderCursor) {
      page = await listOrders(parseOrderQuery({ before: page.olderCursor }), 2);
      expect(page.rows.length).toBeLessThanOrEqual(2);
      seen.push(...page.rows.map((r) => r.number));
    }
    expect(seen).toEqual(all.rows.map((r) => r.number));
    // Back one page from the last.
    const back = await listOrders(parseOrderQuery({ after: page.newerCursor! }), 2);
    expect(back.rows.map((r) => r.number)).toEqual(seen.slice(2, 4));
    expect(ORDER_COUNT_CAP).toBeGreaterThan(5);
  });
});

describe("order pages", () => {
  const redirectOf = async (render: () => Promise<unknown>) => {
    const error = await render().then(() => null, (e: unknown) => e);
    return (error as { digest?: string } | null)?.digest ?? null;
  };

  it("send anonymous visitors to sign-in, render for OPS and ADMIN, and 404 an unknown or malformed id", async () => {
    const v = await createStockedVariant([w.main], { stock: { MAIN: 5 } });
    const { orderId } = await placeOrder(v.variantId, 1);
    const list = () => OrdersPage({ searchParams: Promise.resolve({ q: "SR-1", status: "nope" }) });
    const detail = (id: string) => () => OrderDetailPage({ params: Promise.resolve({ id }) });
    expect(await redirectOf(list)).toMatch(/^NEXT_REDIRECT;replace;\/admin\/sign-in\?next=%2Fadmin%2Forders;/);
    expect(await redirectOf(detail(orderId))).toMatch(/^NEXT_REDIRECT;replace;\/admin\/sign-in/);
    for (const user of [staff.ops, staff.admin]) {
      mockJar.admin = await createAdminSession({ userId: user.id });
      expect(await redirectOf(list)).toBeNull();
      expect(await redirectOf(detail(orderId))).toBeNull();
    }
    for (const id of ["not-a-uuid", randomUUID()]) expect(await redirectOf(detail(id))).toMatch(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});
