import { env } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { logger } from "@/lib/logger";
import { redisClient, redisEnabled } from "@/lib/redis";
import { MemoryCacheStore } from "./memory-store";
import { RedisCacheStore } from "./redis-store";
import type { CacheStore } from "./types";

export type { CacheStore } from "./types";

/** Every cache key is built here, so invalidation and reads always agree. */
export const cacheKey = {
  variantStock: (variantId: string) => `stock:v:${variantId}`,
  productStock: (productId: string) => `stock:p:${productId}`,
};

const globalForCache = globalThis as unknown as { __stockroomCache?: CacheStore };

export function cacheStore(): CacheStore {
  if (!globalForCache.__stockroomCache) {
    const store: CacheStore = redisEnabled() ? new RedisCacheStore(redisClient("commands"), env.REDIS_KEY_PREFIX) : new MemoryCacheStore();
    store.onReconnect?.(() => void replayInvalidations());
    globalForCache.__stockroomCache = store;
  }
  return globalForCache.__stockroomCache;
}

// Keys whose invalidation failed because Redis was away. Redis may come back
// with its data (a network cut, a restart with persistence) still holding the
// pre-write values, so the invalidation is replayed on reconnect; until then
// this process reads those keys from the database. Bounded: past the cap the
// entry TTL (and the next-expiry TTL) is what limits staleness.
const MAX_PENDING = 50_000;
const pendingInvalidations = new Set<string>();

let replaying: Promise<void> | null = null;

/** Replays pending invalidations (one attempt at a time); failures keep them pending. */
function replayInvalidations(): Promise<void> {
  if (!pendingInvalidations.size) return Promise.resolve();
  replaying ??= (async () => {
    const keys = [...pendingInvalidations];
    try {
      await cacheStore().invalidate(keys);
      for (const key of keys) pendingInvalidations.delete(key);
      logger.info("replayed cache invalidations", { keys: keys.length });
    } catch (error) {
      logger.debug("cache invalidation replay failed; keys stay pending", { keys: keys.length, error: String(error) });
    }
  })().finally(() => (replaying = null));
  return replaying;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Read-through with single-flight: concurrent misses for one key in this
 * process share one database load. Cache failures degrade to a direct load.
 * `ttlMs` may depend on the value (e.g. the next reservation expiry).
 */
export async function readThrough<T>(key: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
  const store = cacheStore();
  if (pendingInvalidations.has(key)) {
    // Redis may answer again without having reconnected (a trip, a slow moment): try the replay first.
    await replayInvalidations();
    if (pendingInvalidations.has(key)) return load();
  }
  let epoch: string | null = null;
  try {
    const hit = await store.get(key);
    if (hit.value !== null) {
      metrics().cacheReads.inc({ result: "hit" });
      return JSON.parse(hit.value) as T;
    }
    epoch = hit.epoch;
  } catch (error) {
    logger.debug("cache read failed; loading from database", { key, error: String(error) });
  }
  metrics().cacheReads.inc({ result: "miss" });
  if (epoch === null) return load();
  // Only loads that began under the same epoch are shared: one that started
  // before a write must not answer a read that starts after it.
  const flightKey = `${key}@${epoch}`;
  const pending = inFlight.get(flightKey) as Promise<T> | undefined;
  if (pending) return pending;
  const loading = (async () => {
    const value = await load();
    const ttl = ttlMs(value);
    if (ttl > 0) await store.setIfEpoch(key, JSON.stringify(value), ttl, epoch).catch(() => false);
    return value;
  })().finally(() => inFlight.delete(flightKey));
  inFlight.set(flightKey, loading);
  return loading;
}

/** Drops keys after a committed write; failures are remembered and replayed on reconnect (the TTL bounds the rest). */
export async function invalidate(keys: string[]): Promise<void> {
  if (!keys.length) return;
  try {
    await cacheStore().invalidate(keys);
    // Redis answers again: a replay that failed earlier (e.g. a trip, not a reconnect) gets another go.
    if (pendingInvalidations.size) void replayInvalidations();
  } catch (error) {
    logger.warn("cache invalidation failed; replaying when Redis is back", { keys: keys.length, error: String(error) });
    for (const key of keys) if (pendingInvalidations.size < MAX_PENDING) pendingInvalidations.add(key);
  }
}
