import { stringify } from "csv-stringify/sync";

// The one CSV writer: every export (stock levels, movements, bulk error
// reports — the last also built in the browser) goes through csvRows.
//
// Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR)
// is run as a formula by Excel and friends. Text cells so starting get an
// apostrophe (OWASP's advice), and bulk imports strip exactly that prefix
// again (unprotectCell), so a SKU like "=CMD()" round-trips without ever being
// executed. Numbers are written as they are, so negative quantities stay numbers.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null | undefined;

export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes protectCell for cells an export protected. */
export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Rows as CSV text, each ending in CRLF (RFC 4180). Cells with a quote, comma,
 * semicolon, line break or apostrophe are quoted: semicolons because the bulk
 * import also reads semicolon-separated files, apostrophes so a protected
 * cell's prefix visibly belongs to the value, and a lone CR or LF because
 * csv-stringify only looks for the whole record delimiter (CRLF).
 */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (typeof cell === "string" ? protectCell(cell) : (cell ?? null)))),
    { record_delimiter: "\r\n", quoted_match: /[;'\r\n]/ },
  );
}
