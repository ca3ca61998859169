import { requireRequestUser } from "@/lib/admin/request-guard";
import { exportFilename, exportStockCsv } from "@/lib/bulk/export";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** Current on-hand of every stock level, in the upload format. */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "OPS");
    return new Response(exportStockCsv(), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${exportFilename()}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return jsonError(error, "bulk export");
  }
}
