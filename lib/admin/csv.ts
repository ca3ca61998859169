/**
 * One CSV field (RFC 4180 quoting). Text that a spreadsheet would run as a
 * formula (=, +, -, @, tab, CR at the start) is prefixed with ' — notes and
 * references are typed by people, and the export is opened in Excel.
 * Numbers are written as they are, so negative quantities stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
