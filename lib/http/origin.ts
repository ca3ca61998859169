// No imports: also used by middleware.ts, which runs in the edge runtime.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one CSRF check, for requests that change something (POST, PUT, PATCH,
 * DELETE): server actions (middleware.ts, a 403 before Next's own check, which
 * would answer a 500) and mutating route handlers (`sameOriginOnly`;
 * __tests__/integration/csrf.test.ts sends every mutating handler in app/ the
 * cross-site shapes below and fails unless each answers 403).
 *
 * A browser always sends Origin (or Sec-Fetch-Site) on a cross-site POST, so:
 * - Sec-Fetch-Site other than same-origin/none → refused;
 * - Origin present → it must parse and its host must be this app's (X-Forwarded-Host
 *   behind a proxy); "null" and malformed values are refused, never thrown;
 * - neither header → not a browser (curl, a webhook sender), which cannot
 *   carry a victim's cookies by accident: allowed.
 */
export function isSameOrigin(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false; // "null" (sandboxed frames, file://) or garbage
  }
}

