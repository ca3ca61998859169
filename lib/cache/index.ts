import { env } from "@/lib/env";
import { redisClient, redisEnabled } from "@/lib/redis";
import { MemoryCacheStore } from "./memory-store";
import { NearCache } from "./near-cache";
import { ReadThroughCache } from "./read-through";
import { RedisCacheStore } from "./redis-store";
import type { CacheStore } from "./types";

export type { CacheStore } from "./types";
export { NearCache } from "./near-cache";
export { ReadThroughCache } from "./read-through";
export { RedisCacheStore } from "./redis-store";

/** Every cache key is built here, so invalidation and reads always agree. */
export const cacheKey = {
  variantStock: (variantId: string) => `stock:v:${variantId}`,
  productStock: (productId: string) => `stock:p:${productId}`,
};

const globalForCache = globalThis as unknown as { __stockroomCache?: ReadThroughCache };

/**
 * This process's cache. With Redis: a near cache in front of it, following
 * every instance's invalidations over the subscriber connection the event bus
 * also uses (STOCK_NEAR_CACHE_MS = 0 turns the near cache off).
 */
export function stockCache(): ReadThroughCache {
  if (!globalForCache.__stockroomCache) {
    if (redisEnabled()) {
      const store = new RedisCacheStore(redisClient("commands"), env.REDIS_KEY_PREFIX, redisClient("subscriber"));
      const near = env.STOCK_NEAR_CACHE_MS > 0 ? new NearCache(env.STOCK_NEAR_CACHE_MS) : null;
      if (near) store.listenForInvalidations({ onKeys: (keys) => near.drop(keys), onLive: (live) => near.reset(live) });
      globalForCache.__stockroomCache = new ReadThroughCache(store, near);
    } else {
      globalForCache.__stockroomCache = new ReadThroughCache(new MemoryCacheStore());
    }
  }
  return globalForCache.__stockroomCache;
}

export function cacheStore(): CacheStore {
  return stockCache().store;
}

/** See ReadThroughCache.readThrough. */
export function readThrough<T>(key: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
  return stockCache().readThrough(key, load, ttlMs);
}

/** See ReadThroughCache.invalidate. */
export function invalidate(keys: string[]): Promise<void> {
  return stockCache().invalidate(keys);
}
