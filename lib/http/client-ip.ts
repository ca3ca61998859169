/**
 * The caller's IP as reported by the proxy in front of the app (first
 * X-Forwarded-For hop, or X-Real-IP); null outside a request (tests, scripts).
 * Only trustworthy behind a proxy that sets these headers: use it for rate
 * limits, never for authorization.
 */
export async function clientIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
  } catch {
    return null;
  }
}
