"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/actions";
import { signInForm } from "@/lib/admin/form-schemas";
import { safeNextPath } from "@/lib/admin/safe-next-path";
import { assertSignInAllowed, clearFailedSignIns, recordFailedSignIn } from "@/lib/admin/sign-in-throttle";
import { ADMIN_COOKIE, ADMIN_SESSION_SECONDS, authenticate, createAdminSessionToken } from "@/lib/auth/admin-session";
import { AuthError } from "@/lib/errors";
import { secureCookies } from "@/lib/env";

// Signing in issues the signed session cookie (httpOnly: scripts cannot read
// it; sameSite=lax: not sent on cross-site POSTs; secure per COOKIE_SECURE).
// Wrong email and wrong password fail alike (see authenticate), and repeated
// failures for one email are throttled (lib/admin/sign-in-throttle). The client
// navigates to `redirectTo`, which is always a path inside /admin.

export const signInAction = defineAction({
  name: "auth.signIn",
  access: "public",
  input: signInForm,
  handler: async ({ email, password, next }) => {
    await assertSignInAllowed(email);
    const user = await authenticate(email, password).catch(async (error: unknown) => {
      if (error instanceof AuthError) await recordFailedSignIn(email);
      throw error;
    });
    await clearFailedSignIns(email);
    const jar = await cookies();
    jar.set(ADMIN_COOKIE, createAdminSessionToken(user.id, new Date(), user.sessionVersion), {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      maxAge: ADMIN_SESSION_SECONDS,
    });
    return { redirectTo: safeNextPath(next), name: user.name, role: user.role };
  },
});

/** Public on purpose: signing out must work even with an expired or forged cookie. */
export const signOutAction = defineAction({
  name: "auth.signOut",
  access: "public",
  input: z.unknown(),
  handler: async () => {
    const jar = await cookies();
    jar.set(ADMIN_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: 0 });
    return { redirectTo: "/admin/sign-in" };
  },
});
