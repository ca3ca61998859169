import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redisClient, redisEnabled, waitUntilReady } from "@/lib/redis";

export type RateLimitInput = {
  /** What is limited, e.g. `waitlist:session:<id>`; hashed or raw, but never user-controlled free text. */
  key: string;
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = {
  allowed: boolean;
  /** Requests still allowed in the current window. */
  remaining: number;
  /** Seconds until a refused caller may try again (0 when allowed). */
  retryAfter: number;
};

// Fixed window per key: INCR, and set the expiry on the first hit of a window,
// atomically in Redis so every app instance shares one counter.
const HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

type Window = { count: number; resetAt: number };
const globalForLimits = globalThis as unknown as { __stockroomRateLimits?: Map<string, Window> };

function memoryHit(key: string, windowMs: number, now: number): { count: number; ttlMs: number } {
  const windows = (globalForLimits.__stockroomRateLimits ??= new Map());
  if (windows.size > 10_000) for (const [k, w] of windows) if (w.resetAt <= now) windows.delete(k);
  let window = windows.get(key);
  if (!window || window.resetAt <= now) {
    window = { count: 0, resetAt: now + windowMs };
    windows.set(key, window);
  }
  window.count += 1;
  return { count: window.count, ttlMs: window.resetAt - now };
}

async function redisHit(key: string, windowMs: number): Promise<{ count: number; ttlMs: number } | null> {
  if (!redisEnabled()) return null;
  const client = redisClient("commands");
  // A client still making its first connection gets a moment (otherwise the
  // first hits of a process would count elsewhere); a reconnecting one none.
  const starting = client.status === "wait" || client.status === "connecting";
  if (client.status !== "ready" && !(starting && (await waitUntilReady(client, 500)))) return null;
  try {
    // Unlike cache reads, a slow answer is waited for (up to the client's own
    // command timeout) and never trips the cache's circuit breaker: under a
    // burst the event loop itself delays replies, and falling back to
    // per-process counting then would multiply the limit by the number of
    // instances. Only a Redis that is down or errs is counted in memory.
    const [count, ttlMs] = (await client.eval(HIT, 1, `${env.REDIS_KEY_PREFIX}rl:${key}`, String(windowMs))) as [number, number];
    return { count, ttlMs };
  } catch (error) {
    logger.warn("rate limit falling back to process memory", { error: String(error) });
    return null;
  }
}

/**
 * Counts one request against `key` and says whether it may proceed. Shared
 * across instances through Redis; when Redis is absent or down it falls back
 * to a per-process window (limits then apply per instance: looser, never
 * blocking everyone because a cache server is away).
 */
export async function rateLimit({ key, limit, windowSeconds }: RateLimitInput): Promise<RateLimitResult> {
  const windowMs = windowSeconds * 1_000;
  const hit = (await redisHit(key, windowMs)) ?? memoryHit(key, windowMs, Date.now());
  const allowed = hit.count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - hit.count),
    retryAfter: allowed ? 0 : Math.max(1, Math.ceil(hit.ttlMs / 1_000)),
  };
}

/** Forgets `key`'s current window everywhere it may be counted (e.g. after a successful sign-in). */
export async function resetRateLimit(key: string): Promise<void> {
  globalForLimits.__stockroomRateLimits?.delete(key);
  if (!redisEnabled()) return;
  const client = redisClient("commands");
  if (client.status !== "ready") return;
  try {
    await client.del(`${env.REDIS_KEY_PREFIX}rl:${key}`);
  } catch (error) {
    logger.warn("rate limit reset failed", { error: String(error) });
  }
}
