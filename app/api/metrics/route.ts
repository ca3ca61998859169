import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AuthError, NotFoundError } from "@/lib/errors";
import { jsonError } from "@/lib/http/json-error";
import { renderMetrics } from "@/lib/metrics/collect";

export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.METRICS_TOKEN}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus scrape endpoint; `Authorization: Bearer $METRICS_TOKEN`. Without a token configured it does not exist. */
export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) return jsonError(new NotFoundError("Not found"), "metrics");
  if (!authorized(request.headers.get("authorization"))) {
    const refused = jsonError(new AuthError("UNAUTHENTICATED", "A metrics token is required"), "metrics");
    refused.headers.set("www-authenticate", 'Bearer realm="metrics"');
    return refused;
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
