import { db } from "@/lib/db";
import { sessionSecret } from "@/lib/env";
import { AuthError } from "@/lib/errors";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import type { Role, SessionUser } from "./roles";
import { createSignedToken, verifySignedToken } from "./signed-token";

export const ADMIN_COOKIE = "stockroom_admin";
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;

/** Checks credentials; the same error (and the same time) for an unknown email and a wrong password. */
export async function authenticate(email: string, password: string): Promise<SessionUser & { sessionVersion: number }> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw new AuthError("INVALID_CREDENTIALS");
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion };
}

/** `sessionVersion` is the user's at sign-in; a password change bumps it and retires the token. */
export function createAdminSessionToken(userId: string, now = new Date(), sessionVersion = 0): string {
  return createSignedToken({ sub: userId, sv: sessionVersion, exp: Math.floor(now.getTime() / 1000) + ADMIN_SESSION_SECONDS }, sessionSecret());
}

/**
 * The signed-in user for a cookie value, or null. The role and session
 * version are read from the database on every request, so demoting or
 * deleting a user, or changing their password, takes effect at once instead
 * of when their cookie expires.
 */
export async function userFromSessionToken(token: string | undefined | null): Promise<SessionUser | null> {
  const payload = verifySignedToken(token, sessionSecret());
  if (!payload || typeof payload.sub !== "string") return null;
  const user = await db.user.findUnique({ where: { id: payload.sub }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
  const tokenVersion = typeof payload.sv === "number" ? payload.sv : 0;
  if (!user || user.sessionVersion !== tokenVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
