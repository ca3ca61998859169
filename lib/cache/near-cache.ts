/**
 * In-process copies of shared-cache entries, in front of Redis, so a hot
 * read costs no network round trip. The rule it keeps:
 *
 * - Never stale on the instance that wrote: `drop` runs synchronously in the
 *   same `invalidate` call that drops the Redis entry, before it is awaited.
 * - On other instances, stale for at most the pub/sub delay: the Redis
 *   invalidation publishes its keys in the same script, and every instance
 *   drops them when the message arrives (`drop` again).
 * - A value read (from Redis or PostgreSQL) before a drop of its key is never
 *   stored after it: `fill` takes the `mark` read before the read started and
 *   refuses if the key was dropped since. That covers a reply that overtakes
 *   the invalidation message (they arrive on different connections).
 * - Only used while the invalidation subscription is live: when that
 *   connection closes, messages may be lost, so everything is forgotten and
 *   reads go to Redis (or PostgreSQL) until it is subscribed again. `maxAgeMs`
 *   bounds what a silently partitioned connection could still serve.
 */
export class NearCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();
  /** Tick of the last drop per key; `tick` counts drops, `era` counts resets. */
  private readonly droppedAt = new Map<string, number>();
  private tick = 0;
  private era = 0;
  private live = false;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get isLive(): boolean {
    return this.live && this.maxAgeMs > 0;
  }

  /** Taken before reading the shared cache or the database, passed back to `fill`. */
  mark(): { era: number; tick: number } {
    return { era: this.era, tick: this.tick };
  }

  get<T>(key: string): T | undefined {
    if (!this.isLive) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value as T;
  }

  /** Stores `value` unless the key was dropped (or the cache reset) after `mark` was taken. */
  fill(key: string, value: unknown, ttlMs: number, mark: { era: number; tick: number }): boolean {
    if (!this.isLive || mark.era !== this.era || (this.droppedAt.get(key) ?? -1) > mark.tick) return false;
    const ttl = Math.min(ttlMs, this.maxAgeMs);
    if (ttl <= 0) return false;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value; // Map keeps insertion order
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // Shared by every reader of this instance: frozen, so no caller can change what the next one reads.
    this.entries.set(key, { value: deepFreeze(value), expiresAt: this.now() + ttl });
    return true;
  }

  drop(keys: Iterable<string>): void {
    this.tick += 1;
    for (const key of keys) {
      this.entries.delete(key);
      this.droppedAt.set(key, this.tick);
    }
    // Bounded: forgetting every drop is safe once every in-flight fill is refused too.
    if (this.droppedAt.size > this.maxEntries * 4) this.reset(this.live);
  }

  /** Forgets everything and refuses fills begun before; `live` says whether invalidations are being received. */
  reset(live: boolean): void {
    this.era += 1;
    this.entries.clear();
    this.droppedAt.clear();
    this.live = live;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
