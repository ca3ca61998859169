import { createHash } from "node:crypto";
import { RateLimitedError } from "@/lib/errors";
import { rateLimit, resetRateLimit } from "@/lib/rate-limit";

// Password guessing is slowed by bcrypt; this caps it. Every sign-in attempt
// for an email first reserves one of MAX_FAILURES slots in a window, in one
// atomic counter (lib/rate-limit: Redis INCR, shared by every instance; a
// per-process count while Redis is away), and only then is the password
// checked. Reserving before verifying is what makes a burst of parallel
// guesses unable to slip past the limit while bcrypt runs; a successful
// sign-in frees the slots again. Per email rather than per IP: an attacker has
// many IPs, and the window bounds how long a deliberate lockout can last.
export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

function keyFor(email: string): string {
  const digest = createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
  return `signin:${digest}`;
}

/** Takes one attempt for `email`, or refuses when its window's attempts are used up. */
export async function reserveSignInAttempt(email: string): Promise<void> {
  const { allowed } = await rateLimit({ key: keyFor(email), limit: MAX_FAILURES, windowSeconds: WINDOW_SECONDS });
  if (!allowed) {
    throw new RateLimitedError(`Too many failed sign-ins for this account. Try again in ${WINDOW_SECONDS / 60} minutes.`);
  }
}

export async function clearSignInAttempts(email: string): Promise<void> {
  await resetRateLimit(keyFor(email));
}
