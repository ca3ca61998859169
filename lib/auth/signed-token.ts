import { createHmac, timingSafeEqual } from "node:crypto";

// Compact signed tokens for cookies: base64url(JSON payload) + "." + HMAC-SHA256.
// The payload is readable by the client but cannot be forged or altered without
// the server secret; expiry is part of the signed payload, not the cookie's
// Max-Age, so a replayed old cookie is refused by the server.

export type TokenPayload = Record<string, unknown> & { exp: number };

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url");
}

export function createSignedToken(payload: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The payload when the signature is valid and `exp` (epoch seconds) is in the future; otherwise null. */
export function verifySignedToken(token: string | undefined | null, secret: string, now = new Date()): TokenPayload | null {
  if (!token || token.length > 4_096) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const body = token.slice(0, dot);
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(token.slice(dot + 1));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
    if (typeof payload !== "object" || payload === null) return null;
    const exp = (payload as { exp?: unknown }).exp;
    if (typeof exp !== "number" || exp * 1000 <= now.getTime()) return null;
    return payload as TokenPayload;
  } catch {
    return null;
  }
}
