import type { BulkRow, BulkTotals, RowChange, RowError } from "./format";

/** A parsed upload: what the CSV layer hands to the inventory layer. */
export type BulkImportInput = {
  rows: BulkRow[];
  /** Rows the CSV layer already refused (format, duplicates); exact count and the first of them. */
  parseErrors: RowError[];
  parseErrorCount: number;
  rowCount: number;
};

export type BulkEvaluation = { totals: BulkTotals; errors: RowError[]; changes: RowChange[] };

export type ApplyBulkImportOptions = BulkImportInput & {
  /** The upload's reference: written on every movement, and with the checksum what makes apply idempotent. */
  reference: string;
  filename: string;
  checksum: string;
  /** Who applies it (email), recorded on the upload and every movement. */
  actor: string;
  onPhase?: (phase: "validating" | "applying" | "finishing") => void;
};

export type LowStockHit = { variantId: string; sku: string; available: number; threshold: number };

export type BulkImportResult = BulkEvaluation & {
  status: "APPLIED" | "FAILED" | "ALREADY_APPLIED";
  uploadId: string;
  reference: string;
  appliedAt: Date;
  appliedBy: string;
  lowStock: LowStockHit[];
};
