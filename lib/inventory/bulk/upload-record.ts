import { ConflictError } from "@/lib/errors";
import { pgPool } from "@/lib/db";
import type { ApplyBulkImportOptions, BulkEvaluation, BulkImportResult } from "./types";

// The BulkUpload row of an apply: what makes it idempotent and what the history shows.

type UploadRow = { id: string; checksum: string; status: string; createdBy: string; createdAt: Date; changedRows: number; rowCount: number };

export async function existingUpload(reference: string): Promise<UploadRow | undefined> {
  const { rows } = await pgPool().query<UploadRow>(
    `select "id", "checksum", "status", "createdBy", "createdAt", "changedRows", "rowCount" from "BulkUpload" where "reference" = $1`,
    [reference],
  );
  return rows[0];
}

export function alreadyApplied(options: ApplyBulkImportOptions, upload: UploadRow): BulkImportResult {
  if (upload.checksum !== options.checksum) {
    throw new ConflictError(
      `Reference "${options.reference}" was already used for a different file (applied ${upload.createdAt.toISOString()} by ${upload.createdBy}). Choose a new reference.`,
    );
  }
  return {
    status: "ALREADY_APPLIED", uploadId: upload.id, reference: options.reference, appliedAt: upload.createdAt, appliedBy: upload.createdBy,
    totals: { rows: upload.rowCount, validRows: upload.rowCount, errorRows: 0, changedRows: upload.changedRows, unchangedRows: upload.rowCount - upload.changedRows, unitsAdded: 0, unitsRemoved: 0 },
    errors: [], changes: [], lowStock: [],
  };
}

/** Records a refused apply in the history, unless this reference has been applied meanwhile. */
export async function recordFailure(options: ApplyBulkImportOptions, evaluation: BulkEvaluation): Promise<BulkImportResult> {
  const { rows } = await pgPool().query<{ id: string; createdAt: Date }>(
    `insert into "BulkUpload" ("reference", "filename", "checksum", "status", "rowCount", "changedRows", "errors", "createdBy")
     values ($1, $2, $3, 'FAILED', $4, 0, $5::jsonb, $6)
     on conflict ("reference") do update set "filename" = excluded."filename", "checksum" = excluded."checksum", "rowCount" = excluded."rowCount",
       "errors" = excluded."errors", "createdBy" = excluded."createdBy", "createdAt" = now()
     where "BulkUpload"."status" = 'FAILED'
     returning "id", "createdAt"`,
    [options.reference, options.filename, options.checksum, options.rowCount, JSON.stringify(evaluation.errors), options.actor],
  );
  const recorded = rows[0] ?? (await existingUpload(options.reference))!;
  return { ...evaluation, status: "FAILED", uploadId: recorded.id, reference: options.reference, appliedAt: recorded.createdAt, appliedBy: options.actor, lowStock: [] };
}

/**
 * Records an apply refused because the file could not be read at all (too
 * large, no usable header, broken quoting), with the reason as its one error,
 * unless the reference was already applied (that upload stays as it was).
 */
export async function recordUnreadable(options: { reference: string; filename: string; actor: string; message: string }): Promise<void> {
  const errors = [{ line: 1, sku: "", warehouse: "", message: options.message }];
  await recordFailure(
    { reference: options.reference, filename: options.filename, checksum: "", actor: options.actor, rows: [], parseErrors: errors, parseErrorCount: 1, rowCount: 0 },
    { totals: { rows: 0, validRows: 0, errorRows: 1, changedRows: 0, unchangedRows: 0, unitsAdded: 0, unitsRemoved: 0 }, errors, changes: [] },
  );
}

/** An earlier applied upload that a preview should warn about. */
export type PriorUpload = { reference: string; appliedAt: Date; appliedBy: string; sameFile: boolean };

/**
 * What a preview must say before Apply: the applied uploads of the same file
 * (same checksum, under any reference) and the applied upload holding
 * `reference`, if any (the same file: applying changes nothing; another file:
 * the reference is taken). Newest first, at most 5.
 */
export async function priorUploads(options: { checksum: string; reference?: string }): Promise<PriorUpload[]> {
  const { rows } = await pgPool().query<{ reference: string; checksum: string; createdBy: string; createdAt: Date }>(
    `select "reference", "checksum", "createdBy", "createdAt" from "BulkUpload"
     where "status" = 'APPLIED' and ("checksum" = $1 or "reference" = $2)
     order by ("reference" = $2) desc, "createdAt" desc, "id" desc limit 5`,
    [options.checksum, options.reference ?? ""],
  );
  return rows.map((r) => ({ reference: r.reference, appliedAt: r.createdAt, appliedBy: r.createdBy, sameFile: r.checksum === options.checksum }));
}
