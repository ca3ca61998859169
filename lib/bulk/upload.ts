import { z } from "zod";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { applyBulkImport } from "@/lib/inventory/bulk/apply";
import { previewBulkImport } from "@/lib/inventory/bulk/preview";
import type { BulkEvaluation, BulkImportResult } from "@/lib/inventory/bulk/types";
import { parseInput } from "@/lib/validation/parse";
import { referenceSchema } from "@/lib/validation/inventory";
import { parseBulkCsv } from "./parse-csv";

export type BulkProgress = { phase: "parsing" | "validating" | "applying" | "finishing"; rows?: number; bytes?: number };

export const bulkPreviewRequestSchema = z.object({
  filename: z
    .string()
    .trim()
    .max(200, "file name is too long")
    .transform((name) => name.split(/[\\/]/).pop() || "upload.csv")
    .default("upload.csv"),
});
export const bulkApplyRequestSchema = bulkPreviewRequestSchema.extend({
  reference: referenceSchema.regex(/^[\w.:/#-]+$/, "use letters, digits and . : / # - _ only"),
});

export type BulkPreviewOutcome = BulkEvaluation & { mode: "preview"; filename: string; checksum: string; bytes: number };
export type BulkApplyOutcome = BulkImportResult & { mode: "apply"; filename: string; checksum: string; bytes: number };

type Common = { source: AsyncIterable<Uint8Array>; onProgress?: (progress: BulkProgress) => void };

async function parse({ source, onProgress }: Common) {
  onProgress?.({ phase: "parsing", rows: 0, bytes: 0 });
  return parseBulkCsv(source, { maxBytes: env.BULK_UPLOAD_MAX_BYTES, onProgress: (p) => onProgress?.({ phase: "parsing", ...p }) });
}

/** Parses and checks an upload against current stock; writes nothing. */
export async function previewBulkUpload(options: Common & { request: unknown }): Promise<BulkPreviewOutcome> {
  const request = parseInput(bulkPreviewRequestSchema, options.request);
  const file = await parse(options);
  options.onProgress?.({ phase: "validating", rows: file.rowCount });
  const evaluation = await previewBulkImport({ rows: file.rows, parseErrors: file.errors, parseErrorCount: file.errorCount, rowCount: file.rowCount });
  return { ...evaluation, mode: "preview", filename: request.filename, checksum: file.checksum, bytes: file.bytes };
}

/** Parses an upload and applies it all-or-nothing as `user`. */
export async function applyBulkUpload(
  options: Common & { request: unknown; user: SessionUser },
): Promise<BulkApplyOutcome> {
  const request = parseInput(bulkApplyRequestSchema, options.request);
  const file = await parse(options);
  const result = await applyBulkImport({
    rows: file.rows,
    parseErrors: file.errors,
    parseErrorCount: file.errorCount,
    rowCount: file.rowCount,
    reference: request.reference,
    filename: request.filename,
    checksum: file.checksum,
    actor: options.user.email,
    onPhase: (phase) => options.onProgress?.({ phase, rows: file.rowCount }),
  });
  return { ...result, mode: "apply", filename: request.filename, checksum: file.checksum, bytes: file.bytes };
}
