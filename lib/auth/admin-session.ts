import { db } from "@/lib/db";
import { sessionSecret } from "@/lib/env";
import { AuthError } from "@/lib/errors";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import type { Role, SessionUser } from "./roles";
import { createSignedToken, verifySignedToken } from "./signed-token";

export const ADMIN_COOKIE = "stockroom_admin";
export const ADMIN_SESSION_SECONDS = 8 * 60 * 60;
// lastSeenAt is a hint for the sessions list, not an audit: one write per this interval per session.
const TOUCH_EVERY_MS = 5 * 60 * 1_000;

/** Checks credentials; the same error (and the same time) for an unknown email and a wrong password. */
export async function authenticate(email: string, password: string): Promise<SessionUser> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) throw new AuthError("INVALID_CREDENTIALS");
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

export type NewSession = { userId: string; userAgent?: string | null; ip?: string | null; now?: Date };

/**
 * Records a session and returns its cookie value: the session id, signed (so
 * a garbage cookie never reaches the database) with the same expiry as the
 * row. What makes the session valid is the row, so revoking it ends the
 * session everywhere the cookie was copied to.
 */
export async function createAdminSession({ userId, userAgent = null, ip = null, now = new Date() }: NewSession): Promise<string> {
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_SECONDS * 1_000);
  const session = await db.adminSession.create({
    data: { userId, userAgent: userAgent?.slice(0, 300) ?? null, ip, createdAt: now, lastSeenAt: now, expiresAt },
    select: { id: true },
  });
  return createSignedToken({ sid: session.id, exp: Math.floor(expiresAt.getTime() / 1000) }, sessionSecret());
}

/** The session id in a validly signed, unexpired cookie value (not yet checked against the database). */
export function sessionIdFromToken(token: string | undefined | null): string | null {
  const payload = verifySignedToken(token, sessionSecret());
  return payload && typeof payload.sid === "string" ? payload.sid : null;
}

/**
 * The signed-in user for a cookie value, or null: the session must exist, be
 * neither revoked nor expired, and its user's role is read now, so demoting a
 * user takes effect at once.
 */
export async function userFromSessionToken(token: string | undefined | null, now = new Date()): Promise<SessionUser | null> {
  const sid = sessionIdFromToken(token);
  if (!sid) return null;
  const session = await db.adminSession.findFirst({
    where: { id: sid, revokedAt: null, expiresAt: { gt: now } },
    select: { lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    void db.adminSession.updateMany({ where: { id: sid, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: now } }).catch(() => {});
  }
  const { user } = session;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}
