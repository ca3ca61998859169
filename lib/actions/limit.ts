import { createHash } from "node:crypto";
import { clientIp } from "@/lib/http/client-ip";
import { rateLimit } from "@/lib/rate-limit";
import { RateLimitedError } from "@/lib/errors";

type Window = { limit: number; windowSeconds: number };

const hash = (value: string) => createHash("sha256").update(value).digest("base64url").slice(0, 22);

/**
 * Throws RATE_LIMITED when the session or (more loosely) the client IP has used
 * up its window for this action. Windows live in Redis, so all instances share
 * them; without Redis each process counts on its own.
 */
export async function enforceRateLimit(action: string, session: string | null, limits: { perSession: Window; perIp: Window }): Promise<void> {
  const ip = await clientIp();
  const checks = await Promise.all([
    session ? rateLimit({ key: `${action}:s:${hash(session)}`, ...limits.perSession }) : null,
    ip ? rateLimit({ key: `${action}:ip:${hash(ip)}`, ...limits.perIp }) : null,
  ]);
  for (const check of checks) {
    if (check && !check.allowed) {
      const wait = check.retryAfter >= 60 ? `${Math.ceil(check.retryAfter / 60)} minute(s)` : `${Math.max(1, Math.ceil(check.retryAfter))} second(s)`;
      throw new RateLimitedError(`Too many requests. Please try again in ${wait}.`);
    }
  }
}
