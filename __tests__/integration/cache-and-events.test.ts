import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { cacheStore, readThrough } from "@/lib/cache";
import Redis from "ioredis";
import { env } from "@/lib/env";
import { eventBus, type StockEvent } from "@/lib/events";
import { getStockInfo, reserveStock } from "@/lib/inventory";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStockedVariant, createWarehouses, sessionId } from "../helpers/fixtures";

beforeEach(truncateAll);
afterAll(closeConnections);

describe("stock cache (Redis)", () => {
  it("is never stale after a committed write", async () => {
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 10 } });
    for (let quantity = 1; quantity <= 5; quantity++) {
      expect((await getStockInfo({ productId: v.productId })).available).toBe(10 - (quantity - 1));
      await reserveStock({ variantId: v.variantId, sessionId: `cart-session-${quantity}-abcdefgh`, quantity: 1 });
      expect((await getStockInfo({ productId: v.productId })).available).toBe(10 - quantity);
    }
  });

  it("serves repeated reads from Redis", async () => {
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 3 } });
    await getStockInfo({ productId: v.productId });
    const cached = await cacheStore().get(`stock:p:${v.productId}`);
    expect(cacheStore().kind).toBe("redis");
    expect(JSON.parse(cached.value!)).toMatchObject({ productId: v.productId });
  });

  it("loads once for many concurrent misses of one key", async () => {
    let loads = 0;
    const key = `test:stampede:${Date.now()}`;
    const values = await Promise.all(
      Array.from({ length: 50 }, () =>
        readThrough(key, async () => {
          loads += 1;
          await new Promise((r) => setTimeout(r, 50));
          return { n: 42 };
        }, () => 10_000),
      ),
    );
    expect(loads).toBe(1);
    expect(values.every((v) => v.n === 42)).toBe(true);
  });

  it("never stores a value loaded before an invalidation", async () => {
    const key = `test:race:${Date.now()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowRead = readThrough(key, async () => {
      await gate; // the write and its invalidation happen while this load is in flight
      return { version: "old" };
    }, () => 10_000);
    await new Promise((r) => setTimeout(r, 20));
    await cacheStore().invalidate([key]);
    release();
    expect(await slowRead).toEqual({ version: "old" });
    expect((await cacheStore().get(key)).value).toBeNull();
    expect(await readThrough(key, async () => ({ version: "new" }), () => 10_000)).toEqual({ version: "new" });
  });
});

describe("stock events (Redis pub/sub)", () => {
  it("publishes stock.changed with the new availability after a hold commits", async () => {
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 8 } });
    const received: StockEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => received.push(event));
    try {
      await new Promise((r) => setTimeout(r, 200)); // subscription handshake
      await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
      const deadline = Date.now() + 2_000;
      while (!received.some((e) => e.variantId === v.variantId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received.find((e) => e.variantId === v.variantId)).toMatchObject({
        type: "stock.changed",
        productId: v.productId,
        available: 5,
      });
    } finally {
      unsubscribe();
    }
  });

  it("reports each variant's availability after the whole hold batch, and leaves expired holds out of it", async () => {
    const { main } = await createWarehouses();
    const a = await createStockedVariant([main], { stock: { MAIN: 30 } });
    const b = await createStockedVariant([main], { stock: { MAIN: 12 } });
    const received: StockEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => received.push(event));
    try {
      await new Promise((r) => setTimeout(r, 200));
      const stale = sessionId();
      await reserveStock({ variantId: b.variantId, sessionId: stale, quantity: 4, now: new Date(Date.now() - 3_600_000) });
      // Concurrent holds of two variants go through shared batches.
      await Promise.all([
        ...Array.from({ length: 20 }, () => reserveStock({ variantId: a.variantId, sessionId: sessionId(), quantity: 1 })),
        ...Array.from({ length: 5 }, () => reserveStock({ variantId: b.variantId, sessionId: sessionId(), quantity: 1 })),
      ]);
      const last = (variantId: string) => received.filter((e) => e.variantId === variantId).at(-1)?.available;
      const deadline = Date.now() + 2_000;
      while ((last(a.variantId) !== 10 || last(b.variantId) !== 7) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(last(a.variantId)).toBe(10);
      expect(Math.min(...received.filter((e) => e.variantId === a.variantId).map((e) => e.available))).toBe(10);
      // b: 12 on hand, 5 live holds; the expired hold of 4 no longer counts.
      expect(last(b.variantId)).toBe(7);
      expect((await getStockInfo({ productId: b.productId })).available).toBe(7);
    } finally {
      unsubscribe();
    }
  });

  it("sends the events of one round as one message, delivered to subscribers one by one", async () => {
    const channel = `${env.REDIS_KEY_PREFIX}events:stock`;
    const raw = new Redis(env.REDIS_URL!, { lazyConnect: true });
    const messages: string[] = [];
    const received: StockEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => received.push(event));
    try {
      await raw.connect();
      raw.on("message", (_channel: string, message: string) => messages.push(message));
      await raw.subscribe(channel);
      await new Promise((r) => setTimeout(r, 200));
      const at = new Date().toISOString();
      await eventBus().publish([
        { type: "stock.changed", productId: "p-1", variantId: "v-1", available: 4, at },
        { type: "stock.changed", productId: "p-2", variantId: "v-2", available: 0, at },
      ]);
      const deadline = Date.now() + 2_000;
      while (received.filter((e) => e.variantId.startsWith("v-")).length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(received.filter((e) => e.variantId.startsWith("v-")).map((e) => [e.variantId, e.available])).toEqual([["v-1", 4], ["v-2", 0]]);
      expect(messages).toHaveLength(1);
    } finally {
      unsubscribe();
      raw.disconnect();
    }
  });
});
