import { createHash } from "node:crypto";
import { RateLimitedError } from "@/lib/errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { redisClient, redisEnabled, waitUntilReady } from "@/lib/redis";

// Password guessing is slowed by bcrypt; this caps it. After MAX_FAILURES
// wrong passwords for one email within the window, sign-in for that email is
// refused until the window ends. Counted in Redis so every app instance
// agrees (rule 5); without Redis (embedded, single process) or while Redis is
// down, a per-process count stands in — throttling degrades, sign-in never
// breaks. Per email rather than per IP: an attacker has many IPs, and the
// window bounds how long a deliberate lockout of someone else can last.
export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

const local = new Map<string, { count: number; resetAt: number }>();

function keyFor(email: string): string {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  return `${env.REDIS_KEY_PREFIX}signin-failures:${digest}`;
}

// Waits briefly for a (re)connecting client, so a fresh process still counts in Redis.
async function redis() {
  if (!redisEnabled()) return null;
  const client = redisClient("commands");
  return (await waitUntilReady(client, 1_000)) ? client : null;
}

async function failures(key: string): Promise<number> {
  try {
    const client = await redis();
    if (client) return Number((await client.get(key)) ?? 0);
  } catch (error) {
    logger.warn("sign-in throttle read failed", { error: String(error) });
  }
  const entry = local.get(key);
  return entry && entry.resetAt > Date.now() ? entry.count : 0;
}

export async function assertSignInAllowed(email: string): Promise<void> {
  if ((await failures(keyFor(email))) >= MAX_FAILURES) {
    throw new RateLimitedError(`Too many failed sign-ins for this account. Try again in ${WINDOW_SECONDS / 60} minutes.`);
  }
}

export async function recordFailedSignIn(email: string): Promise<void> {
  const key = keyFor(email);
  try {
    const client = await redis();
    if (client) {
      // The window starts at the first failure (NX) and is not extended by later ones.
      await client.multi().incr(key).expire(key, WINDOW_SECONDS, "NX").exec();
      return;
    }
  } catch (error) {
    logger.warn("sign-in throttle write failed", { error: String(error) });
  }
  const entry = local.get(key);
  if (entry && entry.resetAt > Date.now()) entry.count += 1;
  else local.set(key, { count: 1, resetAt: Date.now() + WINDOW_SECONDS * 1_000 });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  const key = keyFor(email);
  local.delete(key);
  try {
    await (await redis())?.del(key);
  } catch (error) {
    logger.warn("sign-in throttle reset failed", { error: String(error) });
  }
}
