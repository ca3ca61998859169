"use server";

import { cookies, headers } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { recordAudit } from "@/lib/admin/audit";
import { signInForm } from "@/lib/admin/form-schemas";
import { safeNextPath } from "@/lib/admin/safe-next-path";
import { clearSignInAttempts, reserveSignInAttempt } from "@/lib/admin/sign-in-throttle";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS, authenticate, createAdminSession, sessionIdFromToken, userFromSessionToken } from "@/lib/auth/admin-session";
import { revokeSession, revokeUserSessions } from "@/lib/auth/admin-sessions";
import { secureCookies } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";

// Signing in records a server-side session and issues its signed id as the
// cookie (httpOnly: scripts cannot read it; sameSite=lax: not sent on
// cross-site POSTs; secure per COOKIE_SECURE). Signing out revokes the
// session itself, so a copied cookie stops working too.
// Wrong email and wrong password fail alike (see authenticate), and repeated
// failures for one email are throttled (lib/admin/sign-in-throttle). The client
// navigates to `redirectTo`, which is always a path inside /admin.

export const signInAction = defineAction({
  name: "auth.signIn",
  access: "public",
  input: signInForm,
  handler: async ({ email, password, next }) => {
    await reserveSignInAttempt(email);
    const ip = await clientIp();
    const user = await authenticate(email, password).catch(async (error: unknown) => {
      await recordAudit({ actorEmail: null, action: "auth.sign_in_failed", target: email.trim().toLowerCase(), ip });
      throw error;
    });
    await clearSignInAttempts(email);
    const device = await userAgent();
    const token = await createAdminSession({ userId: user.id, userAgent: device, ip });
    await recordAudit({ actorEmail: user.email, action: "auth.sign_in", target: user.email, changes: { device }, ip });
    const jar = await cookies();
    jar.set(ADMIN_COOKIE, token, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      maxAge: ADMIN_SESSION_SECONDS,
    });
    return { redirectTo: safeNextPath(next), name: user.name, role: user.role };
  },
});

// Shown in the user's list of sessions ("signed in on …"); absent outside a request.
async function userAgent(): Promise<string | null> {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
}

/** Public on purpose: signing out must work even with an expired or forged cookie. */
export const signOutAction = defineAction({
  name: "auth.signOut",
  access: "public",
  input: z.unknown(),
  handler: async () => {
    const jar = await cookies();
    const token = jar.get(ADMIN_COOKIE)?.value;
    const sid = sessionIdFromToken(token);
    const user = await userFromSessionToken(token);
    if (sid && (await revokeSession(sid)) && user) await recordAudit({ actorEmail: user.email, action: "auth.sign_out", target: user.email, ip: await clientIp() });
    jar.set(ADMIN_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
    return { redirectTo: "/admin/sign-in" };
  },
});

/** Ends every session of the signed-in user, this one included (a lost laptop, a shared computer). */
export const signOutEverywhereAction = defineAction({
  name: "auth.signOutEverywhere",
  access: "OPS",
  input: z.unknown(),
  handler: async (_input, { user }) => {
    const ended = await revokeUserSessions(user.id);
    await recordAudit({ actorEmail: user.email, action: "auth.sign_out_everywhere", target: user.email, changes: { sessionsEnded: ended }, ip: await clientIp() });
    const jar = await cookies();
    jar.set(ADMIN_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
    return { ended, redirectTo: "/admin/sign-in" };
  },
});
