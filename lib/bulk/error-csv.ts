import { csvRows } from "@/lib/csv";

/** Row errors as the downloadable error report (line, sku, warehouse, message). */
export function errorsToCsv(errors: { line: number; sku: string; warehouse: string; message: string }[]): string {
  return csvRows([["line", "sku", "warehouse", "message"], ...errors.map((e) => [e.line, e.sku, e.warehouse, e.message])]);
}
