import { requireRequestUser } from "@/lib/admin/request-guard";
import { errorReportCsv } from "@/lib/bulk/error-report";
import { csvDownload } from "@/lib/http/csv-download";
import { jsonError } from "@/lib/http/json-error";
import { idSchema } from "@/lib/validation/inventory";
import { parseInput } from "@/lib/validation/parse";

export const dynamic = "force-dynamic";

/** The row errors of one upload as CSV (line, sku, warehouse, message). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireRequestUser(request, "OPS");
    const id = parseInput(idSchema, (await params).id);
    const report = await errorReportCsv(id);
    return csvDownload(report.csv, report.filename);
  } catch (error) {
    return jsonError(error, "bulk error report", "staff");
  }
}
