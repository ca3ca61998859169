import { env } from "@/lib/env";
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
  globalForCache.__stockroomCache ??= redisEnabled()
    ? new RedisCacheStore(redisClient("commands"), env.REDIS_KEY_PREFIX)
    : new MemoryCacheStore();
  return globalForCache.__stockroomCache;
}

const inFlight = new Map<string, Promise<unknown>>();

/**
 * Read-through with single-flight: concurrent misses for one key in this
 * process share one database load. Cache failures degrade to a direct load.
 * `ttlMs` may depend on the value (e.g. the next reservation expiry).
 */
export async function readThrough<T>(key: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
  const store = cacheStore();
  let epoch: string | null = null;
  try {
    const hit = await store.get(key);
    if (hit.value !== null) return JSON.parse(hit.value) as T;
    epoch = hit.epoch;
  } catch (error) {
    logger.debug("cache read failed; loading from database", { key, error: String(error) });
  }
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

/** Drops keys after a committed write; failures are logged, the TTL bounds the damage. */
export async function invalidate(keys: string[]): Promise<void> {
  if (!keys.length) return;
  try {
    await cacheStore().invalidate(keys);
  } catch (error) {
    logger.warn("cache invalidation failed", { keys: keys.length, error: String(error) });
  }
}
