import { NextResponse } from "next/server";
import { httpStatusFor, toActionError, type Audience } from "@/lib/http/public-error";

/** The JSON error response for anything a route handler throws: 4xx for the caller's mistakes, 503 when the database is down. */
export function jsonError(error: unknown, context: string, audience: Audience = "shopper"): NextResponse {
  const body = toActionError(error, context, audience);
  // A 503 tells clients when to come back (busy pool, database away): soon.
  const retryAfter = body.code === "UNAVAILABLE" ? "2" : body.code === "RATE_LIMITED" ? "30" : null;
  const headers: Record<string, string> = { "cache-control": "no-store", ...(retryAfter ? { "retry-after": retryAfter } : {}) };
  return NextResponse.json({ error: body }, { status: httpStatusFor(body.code), headers });
}
