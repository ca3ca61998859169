import { z } from "zod";
import type { SessionUser } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { applyBulkImport } from "@/lib/inventory/bulk/apply";
import { previewBulkImport } from "@/lib/inventory/bulk/preview";
import type { BulkEvaluation, BulkImportResult } from "@/lib/inventory/bulk/types";
import { priorUploads, recordUnreadable, type PriorUpload } from "@/lib/inventory/bulk/upload-record";
import { parseInput } from "@/lib/validation/parse";
import { referenceSchema } from "@/lib/validation/inventory";
import { BulkFileError } from "./errors";
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
const uploadReferenceSchema = referenceSchema.regex(/^[\w.:/#-]+$/, "use letters, digits and . : / # - _ only");
export const bulkApplyRequestSchema = bulkPreviewRequestSchema.extend({ reference: uploadReferenceSchema });
/** A preview may name the reference it is meant for, so it can warn that it was already applied. An unusable one is ignored: Apply validates it. */
const previewReferenceSchema = z.object({ reference: uploadReferenceSchema.optional().catch(undefined) });

export type BulkPreviewOutcome = BulkEvaluation & {
  mode: "preview";
  filename: string;
  checksum: string;
  bytes: number;
  /** Earlier applied uploads of this file, or holding the reference the preview named (see priorUploads). */
  prior: PriorUpload[];
};
export type BulkApplyOutcome = BulkImportResult & { mode: "apply"; filename: string; checksum: string; bytes: number };

type Common = { source: AsyncIterable<Uint8Array>; onProgress?: (progress: BulkProgress) => void };

async function parse({ source, onProgress }: Common) {
  onProgress?.({ phase: "parsing", rows: 0, bytes: 0 });
  return parseBulkCsv(source, { maxBytes: env.BULK_UPLOAD_MAX_BYTES, onProgress: (p) => onProgress?.({ phase: "parsing", ...p }) });
}

/** Parses and checks an upload against current stock; writes nothing. */
export async function previewBulkUpload(options: Common & { request: unknown }): Promise<BulkPreviewOutcome> {
  const request = parseInput(bulkPreviewRequestSchema, options.request);
  const reference = previewReferenceSchema.safeParse(options.request).data?.reference;
  const file = await parse(options);
  options.onProgress?.({ phase: "validating", rows: file.rowCount });
  const [evaluation, prior] = await Promise.all([
    previewBulkImport({ rows: file.rows, parseErrors: file.errors, parseErrorCount: file.errorCount, rowCount: file.rowCount }),
    priorUploads({ checksum: file.checksum, reference }),
  ]);
  return { ...evaluation, mode: "preview", filename: request.filename, checksum: file.checksum, bytes: file.bytes, prior };
}

/** Parses an upload and applies it all-or-nothing as `user`. */
export async function applyBulkUpload(
  options: Common & { request: unknown; user: SessionUser },
): Promise<BulkApplyOutcome> {
  const request = parseInput(bulkApplyRequestSchema, options.request);
  const file = await parse(options).catch(async (error: unknown) => {
    // An unreadable file (too large, no usable header, broken quoting) is a refused upload too: the history lists it.
    if (error instanceof BulkFileError) await recordUnreadable({ reference: request.reference, filename: request.filename, actor: options.user.email, message: error.message });
    throw error;
  });
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

