import { requireApiUser } from "@/lib/auth/page-guard";
import { exportFilename, exportStockCsv } from "@/lib/bulk/export";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** Current on-hand of every stock level, in the upload format. */
export async function GET() {
  try {
    await requireApiUser("OPS");
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
