import { randomBytes } from "node:crypto";
import { sessionSecret } from "@/lib/env";
import { createSignedToken, verifySignedToken } from "./signed-token";

// A shopper's cart is identified by a random id kept in a signed, httpOnly
// cookie: holds are keyed by it, so it must not be guessable or forgeable.
export const CART_COOKIE = "stockroom_cart";
export const CART_SESSION_SECONDS = 30 * 24 * 60 * 60;

export function newCartSessionId(): string {
  return randomBytes(24).toString("base64url");
}

export function createCartToken(sessionId: string, now = new Date()): string {
  return createSignedToken({ sid: sessionId, exp: Math.floor(now.getTime() / 1000) + CART_SESSION_SECONDS }, sessionSecret());
}

export function cartSessionFromToken(token: string | undefined | null): string | null {
  const payload = verifySignedToken(token, sessionSecret());
  return payload && typeof payload.sid === "string" ? payload.sid : null;
}
