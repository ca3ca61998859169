import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { cache } from "react";
import { ADMIN_COOKIE, userFromSessionToken } from "@/lib/auth/admin-session";
import { secureCookies } from "@/lib/env";
import { CART_COOKIE, CART_SESSION_SECONDS, cartSessionFromToken, createCartToken, newCartSessionId } from "@/lib/auth/cart-session";
import type { SessionUser } from "@/lib/auth/roles";
import type { ActionContext } from "./client";

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

export const requestContext: ActionContext = { user: currentUser, cartSessionId, revalidatePath: (path) => revalidatePath(path) };
