import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import {
  InsufficientStockError, InventoryError, commitReservation, getStockInfo, recordDamage, receiveStock, releaseReservation,
  reserveStock, sweepExpiredHolds, verifyLedger,
} from "@/lib/inventory";
import { endFlashSale, getFlashSaleStatus, startFlashSale } from "@/lib/inventory/flash-sale";
import { endVariantFlashSale, startVariantFlashSale, variantFlashSaleStatus } from "@/app/actions/flash-sale";
import type { ActionContext } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/roles";
import { createStockedVariant, expireHolds, freshWarehousesPerTest, sessionId, putInCart } from "../helpers/fixtures";

const warehouses = freshWarehousesPerTest();

const admin = "admin@stockroom.test";
const customer = { email: "sam@example.com", name: "Sam Shopper", address: { line1: "1 Main St", city: "Springfield" } };
const race = (variantId: string, n: number) =>
  Promise.all(
    Array.from({ length: n }, () =>
      reserveStock({ variantId, sessionId: sessionId(), quantity: 1 }).then(
        () => "ok" as const,
        (e: unknown) => (e instanceof InsufficientStockError ? ("refused" as const) : Promise.reject(e)),
      ),
    ),
  );
const heldUnits = async (variantId: string) =>
  (await db.stockReservation.aggregate({ where: { variantId }, _sum: { quantity: true } }))._sum.quantity ?? 0;

/** Exact totals: holds = RESERVATION/RELEASE movements = effective reserved, and the ledger proves on-hand. */
async function expectExact(v: { variantId: string; productId: string }, expected: { held: number; available: number }) {
  expect(await heldUnits(v.variantId)).toBe(expected.held);
  const info = await getStockInfo({ productId: v.productId });
  expect(info).toMatchObject({ reserved: expected.held, available: expected.available });
  const moves = await db.inventoryMovement.aggregate({ where: { variantId: v.variantId }, _sum: { reservedDelta: true } });
  expect(moves._sum.reservedDelta).toBe(expected.held);
  const ledger = await verifyLedger();
  expect(ledger).toMatchObject({ ok: true, mismatches: [] });
}

describe("flash-sale mode", () => {
  it("parks the free units in buckets without changing what anyone reads", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 30, EAST: 20 }, safetyStock: 2 });
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
    const before = await getStockInfo({ productId: v.productId });
    const status = await startFlashSale({ variantId: v.variantId, buckets: 4, actor: admin });
    expect(status).toMatchObject({ active: true, buckets: 4, parked: before.available });
    expect(status.slots).toHaveLength(8); // 4 slots × 2 warehouses
    expect(await getStockInfo({ productId: v.productId })).toEqual(before);
    const audit = await db.inventoryMovement.findMany({ where: { variantId: v.variantId, reference: "flash-sale" } });
    expect(audit.map((m) => [m.quantity, m.reservedDelta, m.createdBy])).toEqual([[0, 0, admin], [0, 0, admin]]);
    await expectExact(v, { held: 3, available: before.available });
  });

  it("admits exactly the stock when 200 shoppers race over 8 buckets for 50 units", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 30, EAST: 20 } });
    await startFlashSale({ variantId: v.variantId, buckets: 8, actor: admin });
    const outcomes = await race(v.variantId, 200);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(150);
    expect(await getFlashSaleStatus(v.variantId)).toMatchObject({ active: true, parked: 0 });
    await expectExact(v, { held: 50, available: 0 });
  });

  it("admits exactly the stock when 200 holds race over 20 separate connections", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 50 } });
    await startFlashSale({ variantId: v.variantId, buckets: 8, actor: admin });
    const clients = await Promise.all(Array.from({ length: 20 }, async () => {
      const client = new Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      return client;
    }));
    const expires = new Date(Date.now() + 600_000);
    // One request per call, each its own transaction; a RETRY answer is decided again exactly, as the batcher does.
    const hold = async (client: Client, session: string, slot: number) => {
      const call = (exact: boolean) => client.query<{ code: string }>(
        "select code from stockroom_set_holds($1::uuid[], $2::text[], '{1}', $3::timestamptz[], now(), $4::int[], $5)",
        [[v.variantId], [session], [expires], [slot], exact]);
      const first = (await call(false)).rows[0]!.code;
      return first === "RETRY" ? (await call(true)).rows[0]!.code : first;
    };
    try {
      const codes = await Promise.all(clients.map(async (client, c) => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) mine.push(await hold(client, sessionId(), c * 10 + i));
        return mine;
      }));
      expect(codes.flat().filter((c) => c === "OK")).toHaveLength(50);
      expect(codes.flat().filter((c) => c === "INSUFFICIENT")).toHaveLength(150);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    await expectExact(v, { held: 50, available: 0 });
  });

  it("admits exactly the stock when two Node processes race", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 50 } });
    await startFlashSale({ variantId: v.variantId, buckets: 6, actor: admin });
    const run = () => promisify(execFile)("npx", ["--no-install", "tsx", "__tests__/helpers/reserve-process.ts", v.variantId, "100"], { env: process.env });
    const results = (await Promise.all([run(), run()])).map((r) => JSON.parse(r.stdout.trim().split("\n").pop()!) as { admitted: number });
    expect(results[0]!.admitted + results[1]!.admitted).toBe(50);
    await expectExact(v, { held: 50, available: 0 });
  });

  it("draws from other buckets when the home bucket runs dry", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 8 } });
    await startFlashSale({ variantId: v.variantId, buckets: 4, actor: admin }); // 2 units per bucket
    const big = sessionId();
    expect(await reserveStock({ variantId: v.variantId, sessionId: big, quantity: 5 })).toMatchObject({ held: 5, maxHoldable: 8 });
    expect((await getFlashSaleStatus(v.variantId)).parked).toBe(3);
    expect(await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 })).toMatchObject({ held: 3 });
    const refused = await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InsufficientStockError);
    expect((refused as InsufficientStockError).available).toBe(0);
    await expectExact(v, { held: 8, available: 0 });
  });

  it("serves a batch from the fullest unlocked bucket, in one step, once its home bucket is dry", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 40 } });
    await startFlashSale({ variantId: v.variantId, buckets: 4, actor: admin }); // 10 units per bucket
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    try {
      // One batch of n new holds, all with home bucket 0 (what one lane of the batcher sends).
      const batch = (n: number, quantity: number) =>
        client.query<{ code: string }>(
          "select code from stockroom_set_holds($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], now(), $5::int[], false)",
          [Array(n).fill(v.variantId), Array.from({ length: n }, () => sessionId()), Array(n).fill(quantity), Array(n).fill(new Date(Date.now() + 600_000)), Array(n).fill(0)],
        );
      const free = async () => Object.fromEntries((await getFlashSaleStatus(v.variantId)).slots.map((s) => [s.slot, s.free]));
      expect((await batch(1, 10)).rows).toEqual([{ code: "OK" }]);
      expect(await free()).toEqual({ 0: 0, 1: 10, 2: 10, 3: 10 });
      expect((await batch(5, 1)).rows).toEqual(Array(5).fill({ code: "OK" }));
      const after = await free();
      expect(after[0]).toBe(0);
      expect(Object.values(after).sort((a, b) => a - b)).toEqual([0, 5, 10, 10]);
    } finally {
      await client.end();
    }
    await expectExact(v, { held: 15, available: 25 });
  });

  it("keeps holds idempotent and returns released units to the buckets", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 20 } });
    await startFlashSale({ variantId: v.variantId, buckets: 4, actor: admin });
    const cart = sessionId();
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 4 });
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 4 }); // same call twice = same hold
    await expectExact(v, { held: 4, available: 16 });
    await reserveStock({ variantId: v.variantId, sessionId: cart, quantity: 1 });
    expect((await getFlashSaleStatus(v.variantId)).parked).toBe(19);
    await releaseReservation({ sessionId: cart });
    expect(await getFlashSaleStatus(v.variantId)).toMatchObject({ parked: 20 });
    const releases = await db.inventoryMovement.findMany({ where: { variantId: v.variantId, type: "RELEASE" }, select: { reservedDelta: true } });
    expect(releases.map((r) => r.reservedDelta).sort()).toEqual([-1, -3]);
    await expectExact(v, { held: 0, available: 20 });
  });

  it("merges back exactly, after which ordinary holds carry on", async () => {
    const v = await createStockedVariant([warehouses.main, warehouses.east], { stock: { MAIN: 12, EAST: 9 } });
    await startFlashSale({ variantId: v.variantId, buckets: 5, actor: admin });
    expect((await race(v.variantId, 15)).every((o) => o === "ok")).toBe(true);
    const status = await endFlashSale({ variantId: v.variantId, actor: admin });
    expect(status).toMatchObject({ active: false, buckets: 0, parked: 0 });
    expect(await db.stockBucket.count()).toBe(0);
    const levels = await db.stockLevel.findMany({ where: { variantId: v.variantId } });
    expect(levels.reduce((sum, l) => sum + l.reserved, 0)).toBe(15); // the raw counter again equals the holds
    await expectExact(v, { held: 15, available: 6 });
    expect((await race(v.variantId, 10)).filter((o) => o === "ok")).toHaveLength(6);
    await expectExact(v, { held: 21, available: 0 });
    expect(await endFlashSale({ variantId: v.variantId, actor: admin })).toMatchObject({ active: false }); // idempotent
  });

  it("keeps stock operations, checkout and the sweeper exact while the sale runs", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    await startFlashSale({ variantId: v.variantId, buckets: 3, actor: admin });
    const buyer = sessionId();
    const idle = sessionId();
    await putInCart({ variantId: v.variantId, sessionId: buyer, quantity: 2 });
    await reserveStock({ variantId: v.variantId, sessionId: idle, quantity: 3 });
    await receiveStock({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 4, reference: "PO-9", actor: "ops" });
    expect((await getFlashSaleStatus(v.variantId)).parked).toBe(9); // new units are parked too
    // Damage more than the unparked free stock: the buckets shrink, no hold beyond stock can be admitted.
    await recordDamage({ variantId: v.variantId, warehouseId: warehouses.main.id, quantity: 7, notes: "water damage", actor: "ops" });
    expect((await getFlashSaleStatus(v.variantId)).parked).toBe(2);
    await expectExact(v, { held: 5, available: 2 });
    await commitReservation({ sessionId: buyer, orderId: randomUUID(), customer });
    await expectExact(v, { held: 3, available: 2 });
    await expireHolds(idle);
    expect(await sweepExpiredHolds()).toMatchObject({ released: 1 });
    expect((await getFlashSaleStatus(v.variantId)).parked).toBe(5);
    await expectExact(v, { held: 0, available: 5 });
    expect((await race(v.variantId, 9)).filter((o) => o === "ok")).toHaveLength(5);
    await expectExact(v, { held: 5, available: 0 });
  });

  it("refuses bad input and unstocked variants with typed errors, writing nothing", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    for (const buckets of [1, 17, 2.5, Number.NaN]) {
      const error = await startFlashSale({ variantId: v.variantId, buckets, actor: admin }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "VALIDATION" });
    }
    expect(await startFlashSale({ variantId: "nope", buckets: 4, actor: admin }).catch((e: unknown) => e)).toMatchObject({ code: "VALIDATION" });
    const unknown = await startFlashSale({ variantId: randomUUID(), buckets: 4, actor: admin }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(InventoryError);
    expect(unknown).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.stockBucket.count()).toBe(0);
    expect(await db.inventoryMovement.count({ where: { reference: "flash-sale" } })).toBe(0);
  });
});

describe("flash-sale admin actions", () => {
  const as = (role: SessionUser["role"] | null, revalidated: string[] = []): ActionContext => ({
    user: async () => (role ? { id: randomUUID(), email: `${role.toLowerCase()}@stockroom.test`, name: role, role } : null),
    cartSessionId: async () => null,
    revalidatePath: (path) => void revalidated.push(path),
  });

  it("are ADMIN only, checked before the input is looked at", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    for (const [ctx, code] of [[as(null), "UNAUTHENTICATED"], [as("OPS"), "FORBIDDEN"]] as const) {
      expect(await startVariantFlashSale.runWithContext(ctx, { variantId: v.variantId, buckets: 4 })).toMatchObject({ ok: false, error: { code } });
      expect(await endVariantFlashSale.runWithContext(ctx, {})).toMatchObject({ ok: false, error: { code } });
      expect(await variantFlashSaleStatus.runWithContext(ctx, {})).toMatchObject({ ok: false, error: { code } });
    }
    expect(await db.stockBucket.count()).toBe(0);
  });

  it("start, report and end a sale, recording the admin and refreshing the named page", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 9 } });
    const revalidated: string[] = [];
    const page = `/admin/variants/${v.variantId}`;
    const started = await startVariantFlashSale.runWithContext(as("ADMIN", revalidated), { variantId: v.variantId, buckets: "3", revalidate: page });
    expect(started).toMatchObject({ ok: true, data: { active: true, buckets: 3, parked: 9 } });
    expect(await variantFlashSaleStatus.runWithContext(as("ADMIN"), { variantId: v.variantId })).toMatchObject({ ok: true, data: { buckets: 3 } });
    expect(await endVariantFlashSale.runWithContext(as("ADMIN", revalidated), { variantId: v.variantId, revalidate: page }))
      .toMatchObject({ ok: true, data: { active: false, parked: 0 } });
    expect(revalidated).toEqual([page, page]);
    const audit = await db.inventoryMovement.findMany({ where: { reference: "flash-sale" }, orderBy: { id: "asc" } });
    expect(audit.map((m) => m.createdBy)).toEqual(["admin@stockroom.test", "admin@stockroom.test"]);
    await expectExact(v, { held: 0, available: 9 });
  });

  it("answers bad input with field errors", async () => {
    const v = await createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    const tooMany = await startVariantFlashSale.runWithContext(as("ADMIN"), { variantId: v.variantId, buckets: 40 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { buckets: ["Use at most 16 buckets"] } } });
    const badPage = await startVariantFlashSale.runWithContext(as("ADMIN"), { variantId: v.variantId, buckets: 4, revalidate: "https://evil.example" });
    expect(badPage).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const missing = await endVariantFlashSale.runWithContext(as("ADMIN"), { variantId: randomUUID() });
    expect(missing).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db.stockBucket.count()).toBe(0);
  });
});
