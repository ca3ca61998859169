import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { db } from "@/lib/db";
import { enqueueLowStockAlerts, enqueueStockNotifications } from "@/lib/alerts";
import { InventoryError, adjustStock, commitReservation, recordDamage, reserveStock, sweepExpiredHolds } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStockedVariant, createWarehouses, expireHolds, sessionId, putInCart } from "../helpers/fixtures";

let warehouses: Awaited<ReturnType<typeof createWarehouses>>;
beforeEach(async () => {
  await truncateAll();
  warehouses = await createWarehouses();
  await db.alertChannel.createMany({
    data: [
      { type: "WEBHOOK", name: "Ops hook", target: "http://127.0.0.1:9/hook", secret: "s3cret-s3cret-s3cret" },
      { type: "EMAIL", name: "Buyers", target: "buyers@stockroom.test" },
      { type: "SLACK", name: "Muted", target: "http://127.0.0.1:9/slack", enabled: false },
    ],
  });
});
afterAll(closeConnections);

const actor = "alerts-test";
const lowStockNotifications = (variantId: string) =>
  db.notification.findMany({ where: { kind: "LOW_STOCK", payload: { path: ["variantId"], equals: variantId } }, select: { channel: { select: { name: true } }, payload: true } });

describe("low-stock alerts", () => {
  it("fires once (one outbox row per enabled channel) when 20 concurrent holds cross the threshold", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 20 } });
    await db.lowStockAlert.create({ data: { variantId: v.variantId, threshold: 8 } });
    await Promise.all(Array.from({ length: 20 }, () => reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 })));
    const rows = await lowStockNotifications(v.variantId);
    expect(rows.map((r) => r.channel.name).sort()).toEqual(["Buyers", "Ops hook"]);
    expect(rows[0]!.payload).toMatchObject({ type: "low_stock", sku: v.sku, threshold: 8 });
    expect((rows[0]!.payload as { available: number }).available).toBeLessThanOrEqual(8);
    expect((await db.lowStockAlert.findUniqueOrThrow({ where: { variantId: v.variantId } })).lastAlertedAt).not.toBeNull();
  });

  it("uses the default threshold for variants without a setting, and stays quiet above it", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 7 } }); // default threshold is 5
    expect(await lowStockNotifications(v.variantId)).toHaveLength(0);
    await adjustStock({ variantId: v.variantId, warehouseId: warehouses.main.id, delta: -2, actor, notes: "count" });
    const rows = await lowStockNotifications(v.variantId);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.payload).toMatchObject({ available: 5, threshold: 5 });
  });

  it("claims nothing while no channel is enabled, so the first alert after enabling one is not silenced", async () => {
    await db.alertChannel.updateMany({ data: { enabled: false } });
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 3 } });
    expect(await enqueueLowStockAlerts([v.variantId])).toEqual([]);
    expect(await db.lowStockAlert.findUnique({ where: { variantId: v.variantId } })).toBeNull();
    await db.alertChannel.updateMany({ where: { name: "Buyers" }, data: { enabled: true } });
    expect(await enqueueLowStockAlerts([v.variantId])).toEqual([{ variantId: v.variantId, sku: v.sku, available: 3, threshold: 5, notifications: 1 }]);
    expect((await db.lowStockAlert.findUniqueOrThrow({ where: { variantId: v.variantId } })).lastAlertedAt).not.toBeNull();
  });

  it("debounces per variant for ALERT_DEBOUNCE_SECONDS, then alerts again while still low", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 3 } });
    expect(await lowStockNotifications(v.variantId)).toHaveLength(2); // the receipt already crossed it
    const start = (await db.lowStockAlert.findUniqueOrThrow({ where: { variantId: v.variantId } })).lastAlertedAt!;
    await recordDamage({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 1, actor });
    expect(await enqueueLowStockAlerts([v.variantId], { now: new Date(start.getTime() + 23 * 3_600_000) })).toEqual([]);
    const later = await enqueueLowStockAlerts([v.variantId], { now: new Date(start.getTime() + 24 * 3_600_000 + 1) });
    expect(later).toEqual([{ variantId: v.variantId, sku: v.sku, available: 2, threshold: 5, notifications: 2 }]);
    expect(await lowStockNotifications(v.variantId)).toHaveLength(4);
  });

  it("covers every kind of stock change: commit, damage, expired-hold sweep", async () => {
    const sold = await createStockedVariant([warehouses.main], { stock: { MAIN: 6 } });
    const session = sessionId();
    await putInCart({ variantId: sold.variantId, sessionId: session, quantity: 1 }); // 5 free: crosses at once
    await db.notification.deleteMany();
    await db.lowStockAlert.update({ where: { variantId: sold.variantId }, data: { lastAlertedAt: null } });
    await commitReservation({ sessionId: session, orderId: crypto.randomUUID(), customer: { email: "a@b.co", name: "A" } });
    expect(await lowStockNotifications(sold.variantId)).toHaveLength(2);

    const swept = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    await db.lowStockAlert.create({ data: { variantId: swept.variantId, threshold: 9 } });
    const holder = sessionId();
    await reserveStock({ variantId: swept.variantId, sessionId: holder, quantity: 2 });
    expect(await lowStockNotifications(swept.variantId)).toHaveLength(2);
    await expireHolds(holder);
    await db.lowStockAlert.update({ where: { variantId: swept.variantId }, data: { lastAlertedAt: null, threshold: 10 } });
    await sweepExpiredHolds();
    expect(await lowStockNotifications(swept.variantId)).toHaveLength(4);
  });

  it("writes nothing when the stock change fails, and nothing for muted variants", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 6 } });
    const error = await recordDamage({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 7, actor }).catch((e: unknown) => e);
    expect((error as InventoryError).code).toBe("NEGATIVE_STOCK");
    expect(await db.notification.count()).toBe(0);
    await db.lowStockAlert.create({ data: { variantId: v.variantId, threshold: 5, isActive: false } });
    await recordDamage({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 6, actor });
    expect(await enqueueStockNotifications(null)).toMatchObject({ alerts: [] });
    expect(await db.notification.count()).toBe(0);
  });

  it("fires exactly once when two Node processes change the same variant concurrently", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 40 } });
    await db.lowStockAlert.create({ data: { variantId: v.variantId, threshold: 35 } });
    const run = () =>
      promisify(execFile)("npx", ["--no-install", "tsx", "__tests__/helpers/alert-process.ts", v.variantId, warehouses.main.id, "12"], { env: process.env });
    const outputs = await Promise.all([run(), run()]);
    const fired = outputs.map((o) => (JSON.parse(o.stdout.trim().split("\n").pop()!) as { fired: number }).fired);
    expect(fired[0]! + fired[1]!).toBeLessThanOrEqual(1); // most were decided inside the damage transactions
    expect(await db.stockLevel.findFirstOrThrow({ where: { variantId: v.variantId } })).toMatchObject({ onHand: 16 });
    expect(await lowStockNotifications(v.variantId)).toHaveLength(2);
  }, 60_000);
});
