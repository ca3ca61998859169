import type { PoolClient } from "pg";
import { ConflictError } from "@/lib/errors";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { afterStockChange } from "../after-commit";
import { thresholdSql, variantTotalsCte } from "../availability";
import { evaluate, previewBulkImport } from "./preview";
import type { ApplyBulkImportOptions, BulkEvaluation, BulkImportResult, LowStockHit } from "./types";
import { alreadyApplied, existingUpload, recordFailure } from "./upload-record";

class RefusedUpload extends Error {
  constructor(readonly evaluation: BulkEvaluation) {
    super("bulk upload refused");
  }
}

async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  try {
    await client.query("begin");
    // A bulk apply waits for cart holds on the same levels, never forever.
    await client.query("set local lock_timeout = '15s'");
    // Hash joins and sorts over 100k staged rows stay in memory instead of spilling to disk.
    await client.query("set local work_mem = '64MB'");
    const result = await work(client);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    // Lock timeout, or (should another writer take locks out of the global order) a deadlock: nothing was written.
    if (["55P03", "40P01"].includes((error as { code?: string }).code ?? "")) throw new ConflictError("Stock is busy with other updates right now; nothing was applied. Try again in a moment.");
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Applies an upload all-or-nothing in one transaction. Idempotent: the
 * BulkUpload row (unique reference) is claimed first, so a second apply of the
 * same file and reference — even a concurrent one, which waits on that row —
 * changes nothing and says so. Any row error refuses the whole file.
 */
export async function applyBulkImport(options: ApplyBulkImportOptions): Promise<BulkImportResult> {
  const known = await existingUpload(options.reference);
  if (known?.status === "APPLIED") return alreadyApplied(options, known);
  options.onPhase?.("validating");
  // Refused anyway, but the database checks still run so the report lists every problem at once.
  if (options.parseErrorCount > 0) return recordFailure(options, await previewBulkImport(options));
  const outcome = await inTransaction(async (client) => {
    const claimed = await client.query<{ id: string; createdAt: Date }>(
      `insert into "BulkUpload" ("reference", "filename", "checksum", "status", "rowCount", "changedRows", "errors", "createdBy")
       values ($1, $2, $3, 'APPLIED', $4, 0, '[]', $5)
       on conflict ("reference") do update set "filename" = excluded."filename", "checksum" = excluded."checksum", "status" = 'APPLIED',
         "rowCount" = excluded."rowCount", "errors" = '[]', "createdBy" = excluded."createdBy", "createdAt" = now()
       where "BulkUpload"."status" = 'FAILED'
       returning "id", "createdAt"`,
      [options.reference, options.filename, options.checksum, options.rowCount, options.actor],
    );
    const upload = claimed.rows[0];
    if (!upload) return { kind: "taken" as const };
    const evaluation = await evaluate(client, options, true);
    // Throwing rolls back the claim on the reference too; the failure is recorded after.
    if (evaluation.totals.errorRows > 0) throw new RefusedUpload(evaluation);
    options.onPhase?.("applying");
    await mergeFlashBuckets(client);
    await writeChanges(client, options);
    await allocateBackorders(client, options);
    await splitFlashBuckets(client);
    const { rows } = await client.query<{ variant_id: string }>(`select distinct variant_id from bulk_eval where new_on_hand <> on_hand`);
    await client.query(`update "BulkUpload" set "changedRows" = $2 where "id" = $1`, [upload.id, evaluation.totals.changedRows]);
    return { kind: "applied" as const, evaluation, upload, variantIds: rows.map((r) => r.variant_id) };
  }).catch((error: unknown) => {
    if (error instanceof RefusedUpload) return { kind: "refused" as const, evaluation: error.evaluation };
    throw error;
  });
  if (outcome.kind === "taken") return alreadyApplied(options, (await existingUpload(options.reference))!);
  if (outcome.kind === "refused") return recordFailure(options, outcome.evaluation);
  options.onPhase?.("finishing");
  // The upload is committed: a cache or alert hiccup must not report it as failed
  // (a retry would only hear "already applied"); the cache TTL bounds staleness.
  const lowStock = await afterStockChange(outcome.variantIds)
    .then(() => checkLowStockAfterBulkImport(outcome.variantIds))
    .catch((error: unknown) => {
      logger.warn("bulk import after-commit work failed", { reference: options.reference, error: String(error) });
      return [];
    });
  return {
    ...outcome.evaluation, status: "APPLIED", uploadId: outcome.upload.id, reference: options.reference,
    appliedAt: outcome.upload.createdAt, appliedBy: options.actor, lowStock,
  };
}

/** The stock and ledger writes: two set-based statements over bulk_eval, one movement per changed level. */
async function writeChanges(client: PoolClient, options: ApplyBulkImportOptions): Promise<void> {
  await client.query(`update "StockLevel" l set "onHand" = e.new_on_hand, "updatedAt" = now(),
      "incoming" = case when e.mode = 'increment' then greatest(0, l."incoming" - e.quantity) else l."incoming" end
    from bulk_eval e where l."id" = e.level_id and e.new_on_hand <> e.on_hand`);
  // In file order, so the ledger reads like the upload. An increment is a receipt (PURCHASE_ORDER, and it lowers `incoming` like receiveStock); set and decrement are corrections.
  await client.query(
    `insert into "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reference", "notes", "createdBy")
     select e.variant_id, e.warehouse_id, (case when e.mode = 'increment' then 'PURCHASE_ORDER' else 'ADJUSTMENT' end)::"MovementType",
       e.new_on_hand - e.on_hand, $1, e.notes, $2
     from bulk_eval e where e.new_on_hand <> e.on_hand order by e.line`,
    [options.reference, options.actor],
  );
}

/** Units the upload added cover open backorders first (lib/inventory/allocation.ts). */
async function allocateBackorders(client: PoolClient, options: ApplyBulkImportOptions): Promise<void> {
  await client.query(`select a.* from (
      select distinct e.variant_id from bulk_eval e
      where e.new_on_hand > e.on_hand and exists (select 1 from "StockLevel" l where l."variantId" = e.variant_id and l."backordered" > 0)
      order by 1) v
    cross join lateral stockroom_allocate_backorders(v.variant_id, $1, $2, now()) a`, [options.reference, options.actor]);
}

/**
 * Flash-sale variants among the upload's: their parked units go back to their
 * levels before the write and are parked again after it, as applyStockChange
 * does for every other stock operation — so a receipt is sold through the
 * buckets and a write-off never leaves phantom units in them. Their levels are
 * already locked (resolveStagedRows), so merging takes only their buckets.
 */
async function mergeFlashBuckets(client: PoolClient): Promise<void> {
  await client.query(`create temp table bulk_flash on commit drop as
    select f.variant_id, stockroom_flash_merge(f.variant_id, now()) as slots
    from (select distinct b."variantId" as variant_id from "StockBucket" b
          where b."variantId" in (select "variantId" from bulk_levels) order by 1) f`);
}

async function splitFlashBuckets(client: PoolClient): Promise<void> {
  await client.query(`select stockroom_flash_split(variant_id, slots, now()) from bulk_flash where slots > 0 order by variant_id`);
}

/**
 * The low-stock report of a bulk import: called once after an upload commits,
 * with every variant whose on-hand it changed. Returns the variants now at or
 * below their low-stock threshold, which the apply result shows; available
 * stock and the threshold rule are availability.ts's. It sends no alerts:
 * afterStockChange, called just before with the same variants, runs the alert
 * check as for every stock change — one pass per upload, not per row.
 */
export async function checkLowStockAfterBulkImport(variantIds: string[]): Promise<LowStockHit[]> {
  if (!variantIds.length) return [];
  const { rows } = await pgPool().query<LowStockHit>(
    `with ${variantTotalsCte("now()", `l."variantId" = any($1::uuid[])`)}
     select v."id" as "variantId", v."sku", t.available, ${thresholdSql("a", "$2::int")} as threshold
     from variant_totals t
     join "ProductVariant" v on v."id" = t."variantId"
     left join "LowStockAlert" a on a."variantId" = v."id"
     where t.available <= ${thresholdSql("a", "$2::int")}
     order by t.available, v."sku"`,
    [variantIds, env.LOW_STOCK_DEFAULT_THRESHOLD],
  );
  return rows;
}
