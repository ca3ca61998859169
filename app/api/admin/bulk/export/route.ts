import { requireRequestUser } from "@/lib/admin/request-guard";
import { exportFilename, exportStockCsv } from "@/lib/bulk/export";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";

export const dynamic = "force-dynamic";

/** Current on-hand of every stock level, in the upload format. */
export async function GET(request: Request) {
  try {
    await requireRequestUser(request, "OPS");
    return csvDownload(exportStockCsv(), exportFilename());
  } catch (error) {
    return jsonError(error, "bulk export", "staff");
  }
}
