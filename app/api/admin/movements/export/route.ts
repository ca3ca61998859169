import { requireRequestUser } from "@/lib/admin/request-guard";
import { csvFilename, movementsCsv } from "@/lib/admin/movement-csv";
import { parseMovementFilter } from "@/lib/admin/movements";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/**
 * CSV of the movement ledger (optionally one variant, warehouse or type),
 * streamed in keyset batches so a long history never sits in memory.
 */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "OPS");
    const filter = parseMovementFilter(Object.fromEntries(new URL(request.url).searchParams));
    return csvDownload(await movementsCsv(filter), await csvFilename(filter));
  } catch (error) {
    return jsonError(error, "GET /api/admin/movements/export", "staff");
  }
}
