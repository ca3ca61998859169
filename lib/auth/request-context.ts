import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { cache } from "react";
import { secureCookies } from "@/lib/env";
import { ADMIN_COOKIE, userFromSessionToken } from "./admin-session";
import { CART_COOKIE, CART_SESSION_SECONDS, cartSessionFromToken, createCartToken, newCartSessionId } from "./cart-session";
import type { SessionUser } from "./roles";

/** Who is asking and their cart: from cookies in a request, fixed values in tests. */
export type RequestContext = {
  user: () => Promise<SessionUser | null>;
  cartSessionId: (options: { create: boolean }) => Promise<string | null>;
  /** Next's revalidatePath in a request; tests record the paths instead (there is no render cache to drop). */
  revalidatePath: (path: string) => void;
};

/** The signed-in admin user of this request (one lookup per request), or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  return userFromSessionToken(jar.get(ADMIN_COOKIE)?.value);
});

/** The shopper's cart session id; with create, issues the cookie when there is none (actions and route handlers only). */
export async function cartSessionId(options: { create: boolean }): Promise<string | null> {
  const jar = await cookies();
  const existing = cartSessionFromToken(jar.get(CART_COOKIE)?.value);
  if (existing || !options.create) return existing;
  const id = newCartSessionId();
  jar.set(CART_COOKIE, createCartToken(id), { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: CART_SESSION_SECONDS });
  return id;
}

export const requestContext: RequestContext = { user: currentUser, cartSessionId, revalidatePath: (path) => revalidatePath(path) };
