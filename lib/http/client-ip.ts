import { env } from "@/lib/env";
import { PEER_HEADER } from "./peer-address";

/**
 * The client's IP for rate limits (never for authorization). With
 * TRUSTED_PROXY_HOPS = 0 (no proxy in front) it is the TCP peer and any
 * X-Forwarded-For is the client's own claim, ignored. With N trusted proxies,
 * each appended the address it received the request from, so the client is
 * the N-th address from the right of X-Forwarded-For + peer; what a client
 * wrote further left cannot move it.
 */
export function clientIpFromHeaders(headers: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string | null {
  const peer = headers.get(PEER_HEADER)?.trim() || null;
  if (!peer) return null;
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  // Next.js fills an absent X-Forwarded-For with the peer itself; that is not a hop.
  const chain = forwarded.length === 1 && forwarded[0] === peer ? [peer] : [...forwarded, peer];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? null;
}

/** The caller's IP inside a request (null outside one: tests, scripts). */
export async function clientIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return clientIpFromHeaders(await headers());
  } catch {
    return null;
  }
}
