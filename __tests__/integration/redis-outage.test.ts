// Redis stopped mid-load. The shared Redis is never touched: this file points
// the app at a fault proxy in front of it and cuts, refuses or blackholes that.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import Redis from "ioredis";
import { FaultProxy } from "../helpers/fault-proxy";
import { frameReader } from "../helpers/sse";

const realRedisUrl = process.env.REDIS_URL!;
const proxy = FaultProxy.forUrl(realRedisUrl);
let m: Awaited<ReturnType<typeof load>>;
const direct = new Redis(realRedisUrl, { lazyConnect: true });

async function load() {
  // Imported only now, so lib/env reads REDIS_URL pointing at the proxy.
  const [cache, events, inventory, redis, stock, stream, cart, db, fixtures] = await Promise.all([
    import("@/lib/cache"),
    import("@/lib/events"),
    import("@/lib/inventory"),
    import("@/lib/redis"),
    import("@/app/api/inventory/stock/route"),
    import("@/app/api/inventory/stream/route"),
    import("@/app/actions/cart"),
    import("../helpers/db"),
    import("../helpers/fixtures"),
  ]);
  return { cache, events, inventory, redis, stockRoute: stock.GET, streamRoute: stream.GET, cart, db, fixtures };
}

beforeAll(async () => {
  await proxy.start();
  process.env.REDIS_URL = proxy.proxiedUrl(realRedisUrl);
  m = await load();
  await direct.connect();
});
afterAll(async () => {
  await m.db.closeConnections();
  await proxy.stop();
  direct.disconnect();
});

let warehouses: { main: { id: string; code: string } };
beforeEach(async () => {
  if (proxy.currentMode !== "pass") await proxy.resume();
  await m.db.truncateAll();
  warehouses = await m.fixtures.createWarehouses();
});

const redisReady = async () => {
  for (const role of ["commands", "publisher", "subscriber"] as const) {
    expect(await m.redis.waitUntilReady(m.redis.redisClient(role), 5_000)).toBe(true);
  }
};

async function availableOverHttp(productId: string): Promise<{ status: number; available?: number; ms: number }> {
  const started = Date.now();
  const response = await m.stockRoute(new Request(`http://test/api/inventory/stock?productId=${productId}`));
  const body = (await response.json()) as { variants?: { available: number }[] };
  return { status: response.status, available: body.variants?.[0]?.available, ms: Date.now() - started };
}

const cachedKey = (productId: string) => `${process.env.REDIS_KEY_PREFIX}cache:stock:p:${productId}`;

describe("Redis outage", () => {
  it("keeps reads correct and holds working through a cut mid-load, with no errors, then caches again", async () => {
    const v = await m.fixtures.createStockedVariant([warehouses.main], { stock: { MAIN: 60 } });
    await redisReady();
    const outcomes: string[] = [];
    const statuses: number[] = [];
    let stop = false;
    const shopper = async () => {
      while (!stop) {
        const { context } = m.fixtures.callerContext();
        const result = await m.cart.addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
        outcomes.push(result.ok ? "ok" : result.error.code);
        statuses.push((await availableOverHttp(v.productId)).status);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, shopper));
    await new Promise((r) => setTimeout(r, 400));
    await proxy.refuse(); // Redis goes away mid-load
    await new Promise((r) => setTimeout(r, 1_200));
    await proxy.resume();
    await redisReady();
    await new Promise((r) => setTimeout(r, 400));
    stop = true;
    await load;

    // Every attempt either held a unit or was told the truth (sold out); never an error.
    expect(outcomes.filter((o) => o !== "ok" && o !== "INSUFFICIENT_STOCK")).toEqual([]);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const held = outcomes.filter((o) => o === "ok").length;
    expect(held).toBeGreaterThan(10);
    const expected = Math.max(0, 60 - held);
    expect((await availableOverHttp(v.productId)).available).toBe(expected);
    expect((await m.inventory.verifyLedger()).ok).toBe(true);
    // Back to the cache: the read above stored the fresh snapshot in Redis.
    expect(JSON.parse((await direct.get(cachedKey(v.productId)))!)).toMatchObject({ productId: v.productId });
  });

  it("answers reads from PostgreSQL at once while Redis refuses connections", async () => {
    const v = await m.fixtures.createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    await proxy.refuse();
    await m.inventory.reserveStock({ variantId: v.variantId, sessionId: m.fixtures.sessionId(), quantity: 2 });
    const read = await availableOverHttp(v.productId);
    expect(read).toMatchObject({ status: 200, available: 3 });
    expect(read.ms).toBeLessThan(500);
  });

  it("bounds the wait on a hung Redis and trips so later reads skip it", async () => {
    const v = await m.fixtures.createStockedVariant([warehouses.main], { stock: { MAIN: 5 } });
    await redisReady();
    proxy.blackhole(); // connected, but nothing answers
    const first = await availableOverHttp(v.productId);
    expect(first).toMatchObject({ status: 200, available: 5 });
    expect(first.ms).toBeLessThan(800);
    // Tripped: the next reads skip Redis instead of each waiting for the deadline.
    const burst = Date.now();
    for (let i = 0; i < 10; i++) expect((await availableOverHttp(v.productId)).available).toBe(5);
    expect(Date.now() - burst).toBeLessThan(1_200); // 10 × 300 ms without the trip
    const { context } = m.fixtures.callerContext();
    const started = Date.now();
    const result = await m.cart.addToCartAction.runWithContext(context, { variantId: v.variantId, quantity: 1 });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it("replays invalidations that failed while Redis was away, so its surviving data is not served stale", async () => {
    const v = await m.fixtures.createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    await redisReady();
    // Read until the snapshot is cached in Redis (a client tripped by an earlier test skips it for a second).
    expect((await availableOverHttp(v.productId)).available).toBe(10);
    for (const deadline = Date.now() + 3_000; !(await direct.get(cachedKey(v.productId))) && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 100));
      expect((await availableOverHttp(v.productId)).available).toBe(10);
    }
    expect(await direct.get(cachedKey(v.productId))).not.toBeNull();
    await proxy.refuse();
    await m.inventory.reserveStock({ variantId: v.variantId, sessionId: m.fixtures.sessionId(), quantity: 4 });
    // Redis kept the old snapshot (a network cut, or a restart with persistence).
    expect(JSON.parse((await direct.get(cachedKey(v.productId)))!).variants[0].levels[0].reserved).toBe(0);
    await proxy.resume();
    await redisReady();
    expect((await availableOverHttp(v.productId)).available).toBe(6);
    await new Promise((r) => setTimeout(r, 100));
    const after = await direct.get(cachedKey(v.productId));
    if (after) expect(JSON.parse(after).variants[0].levels[0].reserved).toBe(4);
  });
});

describe("live stock while Redis is away", () => {
  it("falls back to polling PostgreSQL, then resubscribes and delivers events again", async () => {
    const v = await m.fixtures.createStockedVariant([warehouses.main], { stock: { MAIN: 10 } });
    await redisReady();
    const abort = new AbortController();
    const response = await m.streamRoute(new Request(`http://test/api/inventory/stream?productId=${v.productId}`, { signal: abort.signal }));
    const frames = frameReader(response.body!);
    expect(await frames.next()).toMatchObject({ event: "stock", data: { variants: [{ available: 10 }] } });

    await proxy.refuse();
    await m.inventory.reserveStock({ variantId: v.variantId, sessionId: m.fixtures.sessionId(), quantity: 3 });
    // The event is lost with Redis; the degraded bus makes the stream re-read within a poll interval.
    expect(await frames.next(5_000)).toMatchObject({ event: "stock", data: { variants: [{ available: 7 }] } });

    await proxy.resume();
    await redisReady();
    // Prove the subscription itself is back: an event published by another process reaches the stream.
    const channel = `${process.env.REDIS_KEY_PREFIX}events:stock`;
    await m.inventory.reserveStock({ variantId: v.variantId, sessionId: m.fixtures.sessionId(), quantity: 1 });
    const seen = await frames.next(5_000); // either the event or the post-reconnect resync
    expect(seen).toMatchObject({ event: "stock", data: { variants: [{ available: 6 }] } });
    const received: unknown[] = [];
    const off = m.events.eventBus().subscribe((event) => received.push(event));
    const deadline = Date.now() + 3_000;
    while (!received.length && Date.now() < deadline) {
      await direct.publish(channel, JSON.stringify({ type: "stock.changed", productId: "other", variantId: "x", available: 1, at: "" }));
      await new Promise((r) => setTimeout(r, 100));
    }
    off();
    expect(received.length).toBeGreaterThan(0);
    abort.abort();
  });

  it("subscribes once Redis comes up even if it was down when the first stream opened", async () => {
    const { RedisEventBus } = await import("@/lib/events/redis-bus");
    await proxy.refuse();
    const url = proxy.proxiedUrl(realRedisUrl);
    const options = { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 100 };
    const [publisher, subscriber] = [new Redis(url, options), new Redis(url, options)];
    for (const client of [publisher, subscriber]) {
      client.on("error", () => {});
      client.connect().catch(() => {});
    }
    const channel = `${process.env.REDIS_KEY_PREFIX}late:${Date.now()}`;
    const bus = new RedisEventBus(publisher, subscriber, channel);
    const received: unknown[] = [];
    const resyncs: string[] = [];
    bus.subscribe((event) => received.push(event));
    bus.onResync((reason) => resyncs.push(reason));
    await new Promise((r) => setTimeout(r, 600));
    expect(resyncs).toContain("degraded");
    await proxy.resume();
    const deadline = Date.now() + 4_000;
    while (!received.length && Date.now() < deadline) {
      await direct.publish(channel, JSON.stringify({ type: "stock.changed", productId: "p", variantId: "v", available: 2, at: "" }));
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(received.length).toBeGreaterThan(0);
    publisher.disconnect();
    subscriber.disconnect();
  });
});
