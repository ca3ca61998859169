import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { renderMetrics } from "@/lib/metrics/collect";

export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  const expected = Buffer.from(`Bearer ${env.METRICS_TOKEN}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Prometheus scrape endpoint; `Authorization: Bearer $METRICS_TOKEN`. Without a token configured it does not exist. */
export async function GET(request: Request) {
  if (!env.METRICS_TOKEN) return new Response("Not found", { status: 404 });
  if (!authorized(request.headers.get("authorization"))) {
    return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
