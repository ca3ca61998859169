import { sseResponse } from "@/lib/events/sse";
import { streamSlots } from "@/lib/events/stream-slots";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { jsonError } from "@/lib/http/json-error";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { getProductAvailability } from "@/lib/store/product";
import { productStockStream } from "@/lib/store/stock-stream";
import { streamQuerySchema } from "@/lib/validation/store";

export const dynamic = "force-dynamic";

/** GET /api/inventory/stream?productId=…[&variantId=…] — live stock over SSE. */
export async function GET(request: Request): Promise<Response> {
  try {
    const url = new URL(request.url);
    const query = parseInput(streamQuerySchema, {
      productId: url.searchParams.get("productId") ?? undefined,
      variantId: url.searchParams.get("variantId") ?? undefined,
    });
    // Refuse unknown products up front rather than streaming nothing forever.
    if (!(await getProductAvailability(query.productId)).length) throw new NotFoundError("No such product");
    const slot = streamSlots().acquire(clientIpFromHeaders(request.headers));
    return sseResponse(productStockStream({ ...query, signal: request.signal, slot }));
  } catch (error) {
    return jsonError(error, "GET /api/inventory/stream");
  }
}
