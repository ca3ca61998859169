import { cookies } from "next/headers";
import { secureCookies, sessionSecret } from "@/lib/env";
import { createSignedToken, verifySignedToken } from "./signed-token";

// An order found through /orders/lookup (number + email) may be viewed by
// that browser for a while, even though another cart session placed it (a
// new phone, cleared cookies, the link from the confirmation email). The
// grant is a signed, httpOnly cookie listing the order ids looked up, valid
// ORDER_ACCESS_SECONDS from the latest lookup: stateless (any instance can
// check it), unforgeable, and it only lets the browser *view* the order —
// cancelling stays with the cart session that placed it (the domain checks
// the session), since number + email is a weaker proof than the session.

export const ORDER_ACCESS_COOKIE = "stockroom_order_access";
export const ORDER_ACCESS_SECONDS = 60 * 60;
/** Most recent lookups kept; older ones drop out of the cookie. */
export const MAX_GRANTED_ORDERS = 10;

const idsOf = (payload: Record<string, unknown> | null): string[] =>
  payload && Array.isArray(payload.orders) ? payload.orders.filter((id): id is string => typeof id === "string").slice(0, MAX_GRANTED_ORDERS) : [];

export function createOrderAccessToken(orderIds: string[], now = new Date()): string {
  return createSignedToken({ orders: orderIds.slice(0, MAX_GRANTED_ORDERS), exp: Math.floor(now.getTime() / 1000) + ORDER_ACCESS_SECONDS }, sessionSecret());
}

/** The order ids a (valid, unexpired) grant cookie lists; [] otherwise. */
export function orderIdsFromAccessToken(token: string | undefined | null, now = new Date()): string[] {
  return idsOf(verifySignedToken(token, sessionSecret(), now));
}

/** The orders this browser looked up recently (request scope). */
export async function grantedOrderIds(): Promise<string[]> {
  return orderIdsFromAccessToken((await cookies()).get(ORDER_ACCESS_COOKIE)?.value);
}

/** Lets this browser view `orderId` (newest first, keeping earlier grants); actions and route handlers only. */
export async function grantOrderAccess(orderId: string): Promise<void> {
  const jar = await cookies();
  const earlier = orderIdsFromAccessToken(jar.get(ORDER_ACCESS_COOKIE)?.value).filter((id) => id !== orderId);
  jar.set(ORDER_ACCESS_COOKIE, createOrderAccessToken([orderId, ...earlier]), {
    httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/orders", maxAge: ORDER_ACCESS_SECONDS,
  });
}
