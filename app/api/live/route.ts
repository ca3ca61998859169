import { NextResponse } from "next/server";

// Liveness for load balancers: answers while the process serves HTTP, even
// when PostgreSQL or Redis are down (that is /api/health, the readiness check).
// Rendered once at build time, so it costs no database or cache work — which
// also makes it the static baseline of the `read-cached` bench.
export const dynamic = "force-static";

export function GET() {
  return NextResponse.json({ status: "live", service: "stockroom" });
}
