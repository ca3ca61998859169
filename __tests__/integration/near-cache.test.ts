// The near cache (lib/cache/near-cache.ts) with two app instances on one Redis:
// this process's cache is instance A; instance B is a second ReadThroughCache
// with its own Redis connections, as another `next start` would have.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import Redis from "ioredis";
import { cacheKey, NearCache, ReadThroughCache, RedisCacheStore, stockCache } from "@/lib/cache";
import { env } from "@/lib/env";
import { getStockInfo, reserveStock } from "@/lib/inventory";
import { loadProductSnapshot } from "@/lib/inventory/stock-info";
import { closeConnections, truncateAll } from "../helpers/db";
import { createStockedVariant, createWarehouses, sessionId } from "../helpers/fixtures";

// B keeps near copies for a minute: anything fresher than that came from an invalidation message.
const NEAR_MS = 60_000;

type Instance = { cache: ReadThroughCache; near: NearCache; commands: Redis; subscriber: Redis };
const opened: Instance[] = [];

async function otherInstance(): Promise<Instance> {
  const commands = new Redis(env.REDIS_URL!);
  const subscriber = new Redis(env.REDIS_URL!);
  const near = new NearCache(NEAR_MS);
  const store = new RedisCacheStore(commands, env.REDIS_KEY_PREFIX, subscriber);
  store.listenForInvalidations({ onKeys: (keys) => near.drop(keys), onLive: (live) => near.reset(live) });
  const instance = { cache: new ReadThroughCache(store, near), near, commands, subscriber };
  opened.push(instance);
  await until(() => near.isLive);
  return instance;
}

async function until(condition: () => boolean | Promise<boolean>, what = "condition"): Promise<void> {
  for (const deadline = Date.now() + 3_000; !(await condition()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const raw = new Redis(env.REDIS_URL!, { lazyConnect: true });
const rawValueKey = (key: string) => `${env.REDIS_KEY_PREFIX}cache:${key}`;

beforeEach(truncateAll);
afterEach(() => {
  for (const instance of opened.splice(0)) {
    instance.commands.disconnect();
    instance.subscriber.disconnect();
  }
});
afterAll(async () => {
  raw.disconnect();
  await closeConnections();
});

describe("near cache across instances", () => {
  it("serves repeat reads without Redis, and drops them when another instance writes", async () => {
    await raw.connect().catch(() => {});
    const { main } = await createWarehouses();
    const v = await createStockedVariant([main], { stock: { MAIN: 10 } });
    const key = cacheKey.productStock(v.productId);
    const b = await otherInstance();
    let loadsOnB = 0;
    const readOnB = () =>
      b.cache.readThrough(key, async () => {
        loadsOnB += 1;
        return loadProductSnapshot(v.productId);
      }, () => NEAR_MS);
    const reservedOnB = async () => (await readOnB())!.variants[0]!.levels[0]!.reserved;

    expect(await reservedOnB()).toBe(0);
    expect(loadsOnB).toBe(1);
    // B's copy is in its own memory: gone from Redis (without a message), B still answers from it.
    await raw.del(rawValueKey(key));
    expect(await reservedOnB()).toBe(0);
    expect(loadsOnB).toBe(1);

    // Instance A (this process's cache, written through lib/inventory) holds 3 units.
    expect((await getStockInfo({ productId: v.productId })).available).toBe(10);
    await reserveStock({ variantId: v.variantId, sessionId: sessionId(), quantity: 3 });
    // The writer is never stale: its near copy went in the same call that invalidated Redis.
    expect((await getStockInfo({ productId: v.productId })).available).toBe(7);
    // B drops its copy when the invalidation message arrives, long before its own expiry.
    await until(async () => (await reservedOnB()) === 3, "B to see the hold");
    expect(loadsOnB).toBeLessThanOrEqual(2);
  });

  it("never keeps a value read before another instance's invalidation", async () => {
    const b = await otherInstance();
    const key = `test:near-race:${Date.now()}`;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowRead = b.cache.readThrough(key, async () => {
      await gate; // A's write and its invalidation message arrive while B's load is in flight
      return { version: "old" };
    }, () => NEAR_MS);
    await new Promise((r) => setTimeout(r, 20));
    const dropped = new Promise<void>((resolve) => {
      b.subscriber.once("message", () => setImmediate(resolve));
    });
    await stockCache().invalidate([key]);
    await dropped;
    release();
    expect(await slowRead).toEqual({ version: "old" });
    expect(b.near.get(key)).toBeUndefined();
    expect(await b.cache.readThrough(key, async () => ({ version: "new" }), () => NEAR_MS)).toEqual({ version: "new" });
  });

  it("keeps nothing while its subscription is down, and caches again once resubscribed", async () => {
    const b = await otherInstance();
    const key = `test:near-down:${Date.now()}`;
    expect(await b.cache.readThrough(key, async () => ({ version: 1 }), () => NEAR_MS)).toEqual({ version: 1 });
    expect(b.near.get(key)).toEqual({ version: 1 });
    b.subscriber.disconnect(true); // reconnects by itself
    await until(() => !b.near.isLive, "B to notice the cut");
    expect(b.near.get(key)).toBeUndefined();
    await until(() => b.near.isLive, "B to resubscribe");
    expect(await b.cache.readThrough(key, async () => ({ version: 2 }), () => NEAR_MS)).toEqual({ version: 1 }); // from Redis
    expect(b.near.get(key)).toEqual({ version: 1 });
    await stockCache().invalidate([key]);
    await until(() => b.near.get(key) === undefined, "B to drop the key after resubscribing");
  });

  it("hands out frozen values, so no caller can change what the next one reads", async () => {
    const b = await otherInstance();
    const key = `test:near-frozen:${Date.now()}`;
    const first = await b.cache.readThrough(key, async () => ({ levels: [{ onHand: 1 }] }), () => NEAR_MS);
    const second = await b.cache.readThrough(key, async () => ({ levels: [{ onHand: 2 }] }), () => NEAR_MS);
    expect(second).toBe(first);
    expect(Object.isFrozen(second.levels[0])).toBe(true);
  });
});
