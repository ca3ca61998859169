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
