// Liveness: the process answers. Orchestrators restart it when this fails;
// /api/health (readiness: database and Redis) decides whether it gets traffic,
// so an outage of a dependency never restarts healthy app processes.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
