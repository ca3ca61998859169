import { requireRequestUser } from "@/lib/admin/request-guard";
import { stockEventStream } from "@/lib/admin/event-stream";
import { sseResponse } from "@/lib/events/sse";
import { streamSlots } from "@/lib/events/stream-slots";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** Server-sent stock-changed events for the admin pages (live dashboard counts and low-stock list). */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "OPS");
    const slot = streamSlots().acquire(clientIpFromHeaders(request.headers));
    return sseResponse(stockEventStream(request.signal, { slot }));
  } catch (error) {
    return jsonError(error, "GET /api/admin/stream", "staff");
  }
}
