import type { PoolClient } from "pg";
import { pgPool } from "@/lib/db";
import { MAX_REPORTED_ERRORS, MAX_SAMPLE_CHANGES } from "./format";
import { evaluateStagedRows, readEvaluation, resolveStagedRows, stageRows } from "./staging";
import type { BulkEvaluation, BulkImportInput } from "./types";

function merge(input: BulkImportInput, evaluation: Awaited<ReturnType<typeof readEvaluation>>): BulkEvaluation {
  const errors = [...input.parseErrors, ...evaluation.errors].sort((a, b) => a.line - b.line).slice(0, MAX_REPORTED_ERRORS);
  const { invalid, ...totals } = evaluation.totals;
  return { totals: { ...totals, rows: input.rowCount, errorRows: input.parseErrorCount + invalid }, errors, changes: evaluation.changes };
}

export async function evaluate(client: PoolClient, input: BulkImportInput, lock: boolean): Promise<BulkEvaluation> {
  await stageRows(client, input.rows);
  await resolveStagedRows(client, { lock });
  await evaluateStagedRows(client);
  return merge(input, await readEvaluation(client, { errors: MAX_REPORTED_ERRORS, changes: MAX_SAMPLE_CHANGES }));
}

/** Dry run: the same checks as apply, in a transaction that is always rolled back. Writes nothing. */
export async function previewBulkImport(input: BulkImportInput): Promise<BulkEvaluation> {
  const client = await pgPool().connect();
  try {
    // Not READ ONLY: temporary tables are writes, and rollback discards them.
    await client.query("begin");
    return await evaluate(client, input, false);
  } finally {
    await client.query("rollback").catch(() => {});
    client.release();
  }
}
