import { db } from "@/lib/db";

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; userAgent: string | null; ip: string | null };

/** A user's sessions that still work, newest first ("signed in on …"). */
export async function listActiveSessions(userId: string, now = new Date()): Promise<ActiveSession[]> {
  return db.adminSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** Ends one session (sign-out). Returns whether it was still active. */
export async function revokeSession(sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.adminSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** Ends every session of a user ("sign out everywhere", a new password). Returns how many were active. */
export async function revokeUserSessions(userId: string, now = new Date()): Promise<number> {
  const { count } = await db.adminSession.updateMany({ where: { userId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return count;
}
