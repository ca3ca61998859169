import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { InsufficientStockError, getStockInfo, reserveStock, verifyLedger } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStockedVariant, createWarehouses, sessionId } from "../helpers/fixtures";

beforeEach(truncateAll);
afterAll(closeConnections);

async function expectNoOversell(variantId: string, productId: string, stock: number) {
  const held = await db.stockReservation.aggregate({ where: { variantId }, _sum: { quantity: true } });
  expect(held._sum.quantity).toBe(stock);
  expect((await getStockInfo({ productId })).available).toBe(0);
  expect(await verifyLedger()).toMatchObject({ ok: true });
}

describe("no overselling under concurrency", () => {
  it("admits exactly the stock when 200 shoppers race for 50 units", async () => {
    const { main, east } = await createWarehouses();
    const v = await createStockedVariant([main, east], { stock: { MAIN: 30, EAST: 20 } });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 1 }).then(
          () => "ok",
          (e: unknown) => (e instanceof InsufficientStockError ? "refused" : Promise.reject(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(50);
    expect(outcomes.filter((o) => o === "refused")).toHaveLength(150);
    await expectNoOversell(v.variantId, v.productId, 50);
  });

  it("admits exactly the stock when 200 holds race over 20 separate connections", async () => {
    // Bypasses the in-process batcher: every call is its own transaction on its own connection.
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 50 } });
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = new Client({ connectionString: env.DATABASE_URL });
        await client.connect();
        return client;
      }),
    );
    try {
      const expires = new Date(Date.now() + 600_000);
      const codes = await Promise.all(
        clients.map(async (client) => {
          const mine: string[] = [];
          for (let i = 0; i < 10; i++) {
            const { rows } = await client.query<{ code: string }>(
              "select code from stockroom_set_hold($1::uuid, $2, 1, $3, now())",
              [v.variantId, sessionId(), expires],
            );
            mine.push(rows[0]!.code);
          }
          return mine;
        }),
      );
      expect(codes.flat().filter((c) => c === "OK")).toHaveLength(50);
      expect(codes.flat().filter((c) => c === "INSUFFICIENT")).toHaveLength(150);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    await expectNoOversell(v.variantId, v.productId, 50);
  });

  it("admits exactly the stock when two Node processes race", async () => {
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 50 } });
    const run = () =>
      promisify(execFile)("npx", ["--no-install", "tsx", "__tests__/helpers/reserve-process.ts", v.variantId, "100"], { env: process.env });
    const results = (await Promise.all([run(), run()])).map((r) => JSON.parse(r.stdout.trim().split("\n").pop()!) as { admitted: number; refused: number });
    expect(results[0]!.admitted + results[1]!.admitted).toBe(50);
    expect(results[0]!.refused + results[1]!.refused).toBe(150);
    await expectNoOversell(v.variantId, v.productId, 50);
  });

  it("does not make other shoppers wait for a variant whose stock another transaction has locked", async () => {
    const { main } = await createWarehouses();
    const locked = await createStockedVariant([main], { stock: { MAIN: 5 } });
    const free = await createStockedVariant([main], { stock: { MAIN: 5 } });
    const blocker = new Client({ connectionString: env.DATABASE_URL });
    await blocker.connect();
    try {
      // A long stock operation (a bulk apply, say) holding the level's row lock.
      await blocker.query("begin");
      await blocker.query(`select 1 from "StockLevel" where "variantId" = $1 for update`, [locked.variantId]);
      // One batch holding both: answered at once, RETRY for the locked variant (decided later on its own lane).
      const { rows } = await pgPool().query<{ idx: number; code: string }>(
        "select idx, code from stockroom_set_holds($1::uuid[], $2::text[], '{1,1}', $3::timestamptz[], now(), '{0,0}', false) order by idx",
        [[locked.variantId, free.variantId], [sessionId(), sessionId()], [new Date(Date.now() + 600_000), new Date(Date.now() + 600_000)]],
      );
      expect(rows.map((r) => r.code)).toEqual(["RETRY", "OK"]);
      let lockedSettled = false;
      const lockedHold = reserveStock({ variantId: locked.variantId, sessionId: sessionId(), quantity: 2 }).finally(() => (lockedSettled = true));
      // Same moment, same lane: the other variant is decided at once, not after the lock.
      const [freeHold] = await Promise.all([
        reserveStock({ variantId: free.variantId, sessionId: sessionId(), quantity: 1 }),
        reserveStock({ variantId: free.variantId, sessionId: sessionId(), quantity: 1 }),
      ]);
      expect(freeHold.held).toBe(1);
      expect(lockedSettled).toBe(false);
      await blocker.query(`update "StockLevel" set "safetyStock" = 1 where "variantId" = $1`, [locked.variantId]);
      await blocker.query("commit");
      // Decided after the lock is released, on what the other transaction left.
      expect(await lockedHold).toMatchObject({ held: 2, maxHoldable: 4 });
      expect((await getStockInfo({ productId: locked.productId })).available).toBe(2);
      expect((await getStockInfo({ productId: free.productId })).available).toBe(2);
      expect(await verifyLedger()).toMatchObject({ ok: true });
    } finally {
      await blocker.end();
    }
  });
});
