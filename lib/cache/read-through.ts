import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics/registry";
import { NearCache } from "./near-cache";
import type { CacheStore } from "./types";

// Keys whose invalidation failed because Redis was away. Redis may come back
// with its data (a network cut, a restart with persistence) still holding the
// pre-write values, so the invalidation is replayed on reconnect; until then
// this process reads those keys from the database. Bounded: past the cap the
// entry TTL (and the next-expiry TTL) is what limits staleness.
const MAX_PENDING = 50_000;

/**
 * One app instance's view of the stock cache: an optional near cache
 * (near-cache.ts) in front of the shared store, read-through with single
 * flight, epoch-guarded writes and replayed invalidations.
 */
export class ReadThroughCache {
  private readonly pendingInvalidations = new Set<string>();
  private replaying: Promise<void> | null = null;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    readonly store: CacheStore,
    /** In front of a shared (Redis) store only; an in-process store needs none. */
    readonly near: NearCache | null = null,
  ) {
    store.onReconnect?.(() => void this.replayInvalidations());
  }

  /** Replays pending invalidations (one attempt at a time); failures keep them pending. */
  private replayInvalidations(): Promise<void> {
    if (!this.pendingInvalidations.size) return Promise.resolve();
    this.replaying ??= (async () => {
      const keys = [...this.pendingInvalidations];
      try {
        await this.store.invalidate(keys);
        for (const key of keys) this.pendingInvalidations.delete(key);
        logger.info("replayed cache invalidations", { keys: keys.length });
      } catch (error) {
        logger.debug("cache invalidation replay failed; keys stay pending", { keys: keys.length, error: String(error) });
      }
    })().finally(() => (this.replaying = null));
    return this.replaying;
  }

  /**
   * Read-through with single-flight: concurrent misses for one key in this
   * process share one database load. Cache failures degrade to a direct load.
   * `ttlMs` may depend on the value (e.g. the next reservation expiry).
   * Values may come from the near cache: treat them as read-only (they are frozen).
   */
  async readThrough<T>(key: string, load: () => Promise<T>, ttlMs: (value: T) => number): Promise<T> {
    if (this.pendingInvalidations.has(key)) {
      // Redis may answer again without having reconnected (a trip, a slow moment): try the replay first.
      await this.replayInvalidations();
      if (this.pendingInvalidations.has(key)) return load();
    }
    const near = this.near;
    const nearHit = near?.get<T>(key);
    if (nearHit !== undefined) {
      metrics().cacheReads.inc({ result: "near_hit" });
      return nearHit;
    }
    const mark = near?.mark();
    let epoch: string | null = null;
    try {
      const hit = await this.store.get(key);
      if (hit.value !== null) {
        metrics().cacheReads.inc({ result: "hit" });
        const value = JSON.parse(hit.value) as T;
        if (near && mark) near.fill(key, value, ttlMs(value), mark);
        return value;
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
    const pending = this.inFlight.get(flightKey) as Promise<T> | undefined;
    if (pending) return pending;
    const loading = (async () => {
      const value = await load();
      const ttl = ttlMs(value);
      if (ttl > 0 && (await this.store.setIfEpoch(key, JSON.stringify(value), ttl, epoch).catch(() => false))) {
        if (near && mark) near.fill(key, value, ttl, mark);
      }
      return value;
    })().finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, loading);
    return loading;
  }

  /** Drops keys after a committed write; failures are remembered and replayed on reconnect (the TTL bounds the rest). */
  async invalidate(keys: string[]): Promise<void> {
    if (!keys.length) return;
    // Synchronously, before any await: from here on no read of this instance sees the old value.
    this.near?.drop(keys);
    try {
      await this.store.invalidate(keys);
      // Redis answers again: a replay that failed earlier (e.g. a trip, not a reconnect) gets another go.
      if (this.pendingInvalidations.size) void this.replayInvalidations();
    } catch (error) {
      logger.warn("cache invalidation failed; replaying when Redis is back", { keys: keys.length, error: String(error) });
      for (const key of keys) if (this.pendingInvalidations.size < MAX_PENDING) this.pendingInvalidations.add(key);
    }
  }
}
