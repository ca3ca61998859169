// The bulk stock CSV format, shared by import, preview, export and the error report.

export const REQUIRED_COLUMNS = ["sku", "warehouse", "quantity", "mode"] as const;
export const OPTIONAL_COLUMNS = ["reference", "notes"] as const;
export type BulkColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const BULK_MODES = ["set", "increment", "decrement"] as const;
export type BulkMode = (typeof BULK_MODES)[number];

/** Row errors kept per upload (response, history, error report); the count is always exact. */
export const MAX_REPORTED_ERRORS = 10_000;
/** Changed rows returned with a preview or result, for the diff table; totals cover all rows. */
export const MAX_SAMPLE_CHANGES = 500;

/** A data row that passed format validation; `line` is its line in the file (the header is line 1). */
export type BulkRow = {
  line: number;
  sku: string;
  warehouse: string;
  quantity: number;
  mode: BulkMode;
  reference: string | null;
  notes: string | null;
};

export type RowError = {
  line: number;
  sku: string;
  warehouse: string;
  message: string;
};

/** One changed stock level: current → new on-hand. */
export type RowChange = {
  line: number;
  sku: string;
  warehouse: string;
  mode: BulkMode;
  quantity: number;
  onHand: number;
  newOnHand: number;
};

export type BulkTotals = {
  rows: number;
  validRows: number;
  errorRows: number;
  changedRows: number;
  unchangedRows: number;
  unitsAdded: number;
  unitsRemoved: number;
};

/** 10485760 → "10 MB", for limits shown to people. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
