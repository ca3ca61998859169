import { NextResponse, type NextRequest } from "next/server";
import { CART_COOKIE, CART_SESSION_SECONDS, cartSessionFromToken, createCartToken, newCartSessionId } from "@/lib/auth/cart-session";
import { secureCookies } from "@/lib/env";
import { actionBodyProblem } from "@/lib/http/action-body";
import { isSameOrigin } from "@/lib/http/origin";

// Only server-action requests, multipart posts to pages (forms submitted
// without JavaScript) and product pages (for the cart cookie) reach this
// middleware (see `config`): other reads pay nothing for it. Next.js answers a 500 both for a cross-site
// action ("Invalid Server Actions request") and for a body it cannot decode
// or that is over its size limit; answering 403 / 400 / 413 / 415 here keeps
// CSRF attempts and junk out of the error logs and gives callers a 4xx.
const refuse = (status: number, code: string, message: string) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

export async function middleware(request: NextRequest) {
  if (!request.headers.has("next-action") && request.method === "GET") return withCartSession(request);
  if (!isSameOrigin(request)) return refuse(403, "FORBIDDEN", "Cross-site request refused");
  const problem = await actionBodyProblem(request);
  if (problem) return refuse(problem.status, problem.status === 413 ? "PAYLOAD_TOO_LARGE" : "BAD_REQUEST", problem.message);
  return NextResponse.next();
}

// A shopper's first add-to-cart needs a cart cookie. Set during the action
// (cookies().set), it makes Next re-render the whole page into the action's
// answer (any cookie change does); so a product page hands it out when it is
// first viewed, and the add finds it already there. Random and signed, and no
// database row until something is held.
function withCartSession(request: NextRequest): NextResponse {
  const response = NextResponse.next();
  if (!request.nextUrl.pathname.startsWith("/products/")) return response;
  if (cartSessionFromToken(request.cookies.get(CART_COOKIE)?.value)) return response;
  response.cookies.set(CART_COOKIE, createCartToken(newCartSessionId()), { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", maxAge: CART_SESSION_SECONDS });
  return response;
}

export const config = {
  // Node.js, not the edge: the cart cookie is signed with node:crypto (lib/auth/cart-session).
  runtime: "nodejs",
  matcher: [
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    // Product pages hand out the cart cookie (see withCartSession).
    "/products/:slug",
    // Forms posted without JavaScript carry the action id in the body instead of a header.
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type", value: "multipart/form-data.*" }] },
  ],
};
