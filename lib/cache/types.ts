/**
 * A best-effort cache: every method may fail or miss, and callers fall back to
 * PostgreSQL. Each key has an epoch that invalidation bumps; a loader only
 * stores its value if the epoch it saw before reading the database is still
 * current, so a slow reader can never put a pre-write value back after a write.
 */
export interface CacheStore {
  readonly kind: "redis" | "memory";
  get(key: string): Promise<{ value: string | null; epoch: string }>;
  setIfEpoch(key: string, value: string, ttlMs: number, epoch: string): Promise<boolean>;
  invalidate(keys: string[]): Promise<void>;
  ping(): Promise<boolean>;
  /** Redis only: called after every reconnect. */
  onReconnect?(handler: () => void): void;
}
