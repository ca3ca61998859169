import type { CacheStore } from "./types";

/** In-process cache for the embedded default (one app instance). */
export class MemoryCacheStore implements CacheStore {
  readonly kind = "memory" as const;
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly epochs = new Map<string, number>();

  constructor(
    private readonly maxEntries = 50_000,
    /** The clock TTLs are measured on; tests pass their own instead of sleeping. */
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string) {
    const epoch = String(this.epochs.get(key) ?? 0);
    const entry = this.entries.get(key);
    if (!entry) return { value: null, epoch };
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return { value: null, epoch };
    }
    return { value: entry.value, epoch };
  }

  async setIfEpoch(key: string, value: string, ttlMs: number, epoch: string) {
    if (String(this.epochs.get(key) ?? 0) !== epoch) return false;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value; // Map keeps insertion order
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return true;
  }

  async invalidate(keys: string[]) {
    for (const key of keys) {
      this.entries.delete(key);
      this.epochs.set(key, (this.epochs.get(key) ?? 0) + 1);
    }
  }

  async ping() {
    return true;
  }
}
