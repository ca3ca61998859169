// PostgreSQL connections dropping under the app. The shared server is never
// touched: DATABASE_URL points at a fault proxy in front of this worker's database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Client } from "pg";
import { FaultProxy } from "../helpers/fault-proxy";

const realDatabaseUrl = process.env.DATABASE_URL!;
const proxy = FaultProxy.forUrl(realDatabaseUrl);
let m: Awaited<ReturnType<typeof load>>;
const direct = new Client({ connectionString: realDatabaseUrl });

async function load() {
  // Imported only now, so lib/env reads DATABASE_URL pointing at the proxy.
  const [inventory, db, stock, stream, health, cart, fixtures, dbHelpers] = await Promise.all([
    import("@/lib/inventory"),
    import("@/lib/db"),
    import("@/app/api/inventory/stock/route"),
    import("@/app/api/inventory/stream/route"),
    import("@/app/api/health/route"),
    import("@/app/actions/cart"),
    import("../helpers/fixtures"),
    import("../helpers/db"),
  ]);
  return { inventory, db, stockRoute: stock.GET, streamRoute: stream.GET, healthRoute: health.GET, cart, fixtures, dbHelpers };
}

beforeAll(async () => {
  await proxy.start();
  process.env.DATABASE_URL = proxy.proxiedUrl(realDatabaseUrl);
  m = await load();
  await direct.connect();
});
afterAll(async () => {
  await proxy.resume();
  await m.dbHelpers.closeConnections();
  await proxy.stop();
  await direct.end();
});

let variant: { productId: string; variantId: string };
beforeEach(async () => {
  if (proxy.currentMode !== "pass") await proxy.resume();
  await m.dbHelpers.truncateAll();
  const { main } = await m.fixtures.createWarehouses();
  variant = await m.fixtures.createStockedVariant([main], { stock: { MAIN: 10 } });
});

const countRows = async (table: string) => Number((await direct.query(`select count(*) from "${table}"`)).rows[0].count);

describe("PostgreSQL outage", () => {
  it("answers route handlers with a JSON 503 while the database is down, and recovers without a restart", async () => {
    await proxy.refuse();
    for (const path of ["stock", "stream"] as const) {
      const route = path === "stock" ? m.stockRoute : m.streamRoute;
      const response = await route(new Request(`http://test/api/inventory/${path}?productId=${variant.productId}`));
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: expect.stringMatching(/temporarily unavailable/) } });
    }
    expect((await m.healthRoute()).status).toBe(503);

    await proxy.resume();
    const response = await m.stockRoute(new Request(`http://test/api/inventory/stock?productId=${variant.productId}`));
    expect(response.status).toBe(200);
    expect((await m.healthRoute()).status).toBe(200);
  });

  it("refuses a hold with UNAVAILABLE and writes nothing, then holds normally once the database is back", async () => {
    const { context, cart } = m.fixtures.callerContext();
    const movementsBefore = await countRows("InventoryMovement");
    await proxy.refuse();
    const refused = await m.cart.addToCartAction.runWithContext(context, { variantId: variant.variantId, quantity: 2 });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: "UNAVAILABLE" }) });
    expect(await countRows("StockReservation")).toBe(0);
    expect(await countRows("InventoryMovement")).toBe(movementsBefore);

    await proxy.resume();
    const held = await m.cart.addToCartAction.runWithContext(context, { variantId: variant.variantId, quantity: 2 });
    expect(held.ok).toBe(true);
    expect((await direct.query(`select sum(quantity)::int as q from "StockReservation" where "sessionId" = $1`, [cart])).rows[0].q).toBe(2);
    expect((await m.inventory.verifyLedger()).ok).toBe(true);
  });

  it("rolls back a transaction whose connection drops half-way, without crashing the process", async () => {
    const movementsBefore = await countRows("InventoryMovement");
    const outcome = await m.db.db
      .$transaction(async (tx) => {
        await tx.inventoryMovement.create({
          data: { variantId: variant.variantId, warehouseId: (await tx.warehouse.findFirstOrThrow()).id, type: "ADJUSTMENT", quantity: 0, reference: "half-way" },
        });
        proxy.cut(); // the connection holding the open transaction dies here
        await new Promise((r) => setTimeout(r, 100));
        await tx.stockLevel.findMany();
      })
      .then(() => "committed", (error: unknown) => error);
    expect(outcome).not.toBe("committed");
    const { isDatabaseUnavailable } = await import("@/lib/http/public-error");
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await countRows("InventoryMovement")).toBe(movementsBefore);

    // Idle pooled connections died with the cut too; the next requests still work.
    const response = await m.stockRoute(new Request(`http://test/api/inventory/stock?productId=${variant.productId}`));
    expect(response.status).toBe(200);
    const { context } = m.fixtures.callerContext();
    expect((await m.cart.addToCartAction.runWithContext(context, { variantId: variant.variantId, quantity: 1 })).ok).toBe(true);
  });

  it("keeps every answer a 200, a 409 or a 503 while connections drop under concurrent holds, and the ledger stays exact", async () => {
    const codes = new Set<string>();
    let stop = false;
    const shopper = async () => {
      while (!stop) {
        const { context } = m.fixtures.callerContext();
        const result = await m.cart.addToCartAction.runWithContext(context, { variantId: variant.variantId, quantity: 1 });
        codes.add(result.ok ? "ok" : result.error.code);
      }
    };
    const running = Promise.all(Array.from({ length: 6 }, shopper));
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150));
      proxy.cut();
    }
    await proxy.refuse();
    await new Promise((r) => setTimeout(r, 300));
    await proxy.resume();
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await running;
    expect([...codes].filter((c) => !["ok", "INSUFFICIENT_STOCK", "UNAVAILABLE"].includes(c))).toEqual([]);
    expect(codes).toContain("UNAVAILABLE");
    expect((await m.inventory.verifyLedger()).ok).toBe(true);
    const held = Number((await direct.query(`select coalesce(sum(quantity), 0) as q from "StockReservation"`)).rows[0].q);
    expect(held).toBeLessThanOrEqual(10);
  });
});
