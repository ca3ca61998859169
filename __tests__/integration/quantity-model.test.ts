import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { enqueueLowStockAlerts } from "@/lib/alerts";
import { afterStockChange, commitReservation, fulfilOrder, getStockInfo, receiveReturn, verifyLedger } from "@/lib/inventory";
import { startFlashSale } from "@/lib/inventory/flash-sale";
import { createStockedVariant, expireHolds, freshWarehousesPerTest, sessionId, type Warehouses, putInCart } from "../helpers/fixtures";
import { bulkGuard, expectedLevelReads, expectedVariantReads, levelReads, variantReads } from "../helpers/read-models";

// One quantity model: every read model of a variant's stock (storefront,
// catalogue, stock events, admin tiles/table/low-stock list/variant page,
// thresholds, alerts, the bulk guard and report) says what getStockInfo says,
// over a matrix of states, with flash-sale mode off and on.

const warehouses = freshWarehousesPerTest();
// Alerts are only claimed while a channel would deliver them.
beforeEach(() => db.alertChannel.create({ data: { type: "EMAIL", name: "Ops", target: "ops@example.com" } }).then(() => undefined));
const customer = { email: "shopper@example.com", name: "Shopper" };

type Built = { v: Awaited<ReturnType<typeof createStockedVariant>>; expire: string[]; allowance: number };
type State = { name: string; build: (w: Warehouses) => Promise<Built> };

async function hold(variantId: string, quantity: number): Promise<string> {
  const cart = sessionId();
  await putInCart({ variantId, sessionId: cart, quantity });
  return cart;
}

async function order(variantId: string, quantity: number): Promise<string> {
  const cart = await hold(variantId, quantity);
  const { orderId } = await commitReservation({ sessionId: cart, orderId: randomUUID(), customer });
  return orderId;
}

async function ownThreshold(variantId: string, threshold: number, isActive: boolean): Promise<void> {
  await db.lowStockAlert.create({ data: { variantId, threshold, isActive } });
}

// Default threshold is 5 (LOW_STOCK_DEFAULT_THRESHOLD).
const states: State[] = [
  {
    name: "on hand only, two warehouses",
    build: async (w) => ({ v: await createStockedVariant([w.main, w.east], { stock: { MAIN: 8, EAST: 4 } }), expire: [], allowance: 0 }),
  },
  {
    name: "live and expired holds",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 6, EAST: 3 } });
      await hold(v.variantId, 2);
      const gone = await hold(v.variantId, 4);
      return { v, expire: [gone], allowance: 0 };
    },
  },
  {
    name: "safety stock with a hold",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 9, EAST: 1 }, safetyStock: 2 });
      await hold(v.variantId, 1);
      return { v, expire: [], allowance: 0 };
    },
  },
  {
    name: "backorders beyond stock",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 2, EAST: 1 }, policy: "BACKORDER", backorderLimit: 10 });
      await order(v.variantId, 5);
      return { v, expire: [], allowance: 10 };
    },
  },
  {
    name: "pre-orders with a live hold",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 1 }, policy: "PREORDER", backorderLimit: 10 });
      await db.productVariant.update({ where: { id: v.variantId }, data: { restockDate: new Date("2031-01-01T00:00:00Z") } });
      await order(v.variantId, 3);
      return { v, expire: [], allowance: 10 };
    },
  },
  {
    name: "committed orders, partly shipped, a return awaiting inspection",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 8, EAST: 3 } });
      const shipped = await order(v.variantId, 3);
      await fulfilOrder({ eventId: randomUUID(), orderId: shipped, actor: "ops" });
      const line = await db.orderLine.findFirstOrThrow({ where: { orderId: shipped } });
      await receiveReturn({ eventId: randomUUID(), orderId: shipped, lines: [{ orderLineId: line.id, quantity: 2 }], refundCents: 0, actor: "ops" });
      await order(v.variantId, 2);
      await hold(v.variantId, 1);
      return { v, expire: [], allowance: 0 };
    },
  },
  {
    name: "own active threshold, expired hold",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 12, EAST: 3 } });
      await ownThreshold(v.variantId, 12, true);
      const gone = await hold(v.variantId, 3);
      return { v, expire: [gone], allowance: 0 };
    },
  },
  {
    name: "own inactive threshold",
    build: async (w) => {
      const v = await createStockedVariant([w.main, w.east], { stock: { MAIN: 7, EAST: 2 } });
      await ownThreshold(v.variantId, 10, false);
      await hold(v.variantId, 1);
      return { v, expire: [], allowance: 0 };
    },
  },
];

const matrix = states.flatMap((state) => [false, true].map((flash) => ({ ...state, flash })));

describe("one quantity model: every read model agrees with getStockInfo", () => {
  it.each(matrix)("$name (flash sale: $flash)", async ({ build, flash }) => {
    const { v, expire, allowance } = await build(warehouses);
    if (flash) {
      await startFlashSale({ variantId: v.variantId, buckets: 4, actor: "admin@stockroom.test" });
      // A hold drawn from the buckets, then expiries after the split: expired holds must stop counting everywhere.
      await hold(v.variantId, 1).catch(() => null);
    }
    for (const cart of expire) await expireHolds(cart);
    await afterStockChange([v.variantId]);

    const info = await getStockInfo({ productId: v.productId, variantId: v.variantId });
    expect(await variantReads(v)).toEqual(expectedVariantReads(info));

    for (const warehouse of [warehouses.main, warehouses.east]) {
      const expected = await expectedLevelReads(v, warehouse);
      expect(await levelReads(v, warehouse)).toEqual(expected.reads);
      // Never below what on hand physically keeps for orders and as unavailable; else holds + committed + unavailable less the allowance.
      const { reserved, committed, backordered, unavailable } = expected.info;
      const lowest = Math.max(0, committed - backordered + unavailable, reserved + committed + unavailable - allowance);
      expect(await bulkGuard(v, warehouse, lowest)).toEqual({ atLowest: true, belowLowest: false });
    }

    // Alerts: a due check fires exactly when the variant is low and its alert is not switched off.
    await db.lowStockAlert.updateMany({ data: { lastAlertedAt: null } });
    const alert = await db.lowStockAlert.findUnique({ where: { variantId: v.variantId }, select: { isActive: true } });
    const fired = await enqueueLowStockAlerts([v.variantId]);
    const alertExpected = info.lowStock && (alert?.isActive ?? true) ? [info.available] : [];
    expect(fired.map((f) => f.available)).toEqual(alertExpected);
    expect(fired.map((f) => f.threshold)).toEqual(alertExpected.map(() => info.threshold));

    expect(await verifyLedger()).toMatchObject({ ok: true });
  });
});
