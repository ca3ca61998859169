import { createHmac, timingSafeEqual } from "node:crypto";

/*
 * Webhook requests carry (documented in README, "Alert channels"):
 *   X-Stockroom-Id         notification id — the same on every retry: receivers dedupe on it
 *   X-Stockroom-Event      low_stock | back_in_stock | test
 *   X-Stockroom-Timestamp  unix seconds when this attempt was signed
 *   X-Stockroom-Signature  v1=<hex HMAC-SHA256(secret, "<timestamp>.<id>.<raw body>")>
 * Signing the timestamp and id with the body lets a receiver reject replays
 * (old timestamp) and forged or altered requests.
 */
export const SIGNATURE_HEADERS = {
  id: "x-stockroom-id",
  event: "x-stockroom-event",
  timestamp: "x-stockroom-timestamp",
  signature: "x-stockroom-signature",
} as const;

export function signWebhook(secret: string, timestamp: number, id: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${id}.${body}`).digest("hex")}`;
}

/** For receivers (and our tests): constant-time check plus a freshness window against replays. */
export function verifyWebhookSignature(options: {
  secret: string; id: string; timestamp: string; body: string; signature: string; toleranceSeconds?: number; now?: Date;
}): boolean {
  const ts = Number(options.timestamp);
  if (!Number.isInteger(ts)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(options.secret, ts, options.id, options.body));
  const given = Buffer.from(options.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
