import { bulkUploadErrors } from "@/lib/inventory/bulk/history";
import { errorsToCsv } from "./error-csv";

/** An upload's row errors as a downloadable CSV (every cell formula-injection safe). */
export async function errorReportCsv(id: string): Promise<{ csv: string; filename: string }> {
  const upload = await bulkUploadErrors(id);
  const safeName = upload.reference.replace(/[^\w.-]+/g, "_").slice(0, 80);
  return { csv: errorsToCsv(upload.errors), filename: `bulk-errors-${safeName}.csv` };
}
