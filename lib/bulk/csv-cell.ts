// Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR)
// is run as a formula by Excel and friends. Exports prefix such cells with an
// apostrophe (OWASP's advice), and imports strip exactly that prefix again, so
// a SKU like "=CMD()" round-trips without ever being executed.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a value safe for a spreadsheet and quotes it for CSV (protected cells always quoted, so the apostrophe visibly belongs to the value). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** Undoes csvCell's apostrophe for cells an export protected. */
export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** Row errors as the downloadable error report (line, sku, warehouse, message). */
export function errorsToCsv(errors: { line: number; sku: string; warehouse: string; message: string }[]): string {
  return csvLine(["line", "sku", "warehouse", "message"]) + errors.map((e) => csvLine([e.line, e.sku, e.warehouse, e.message])).join("");
}
