import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { levelStockJoin } from "../availability";
import type { BulkRow, BulkTotals, RowChange, RowError } from "./format";

// Set-based evaluation of an upload inside the caller's transaction: the rows
// are COPYed into a temporary table and every check is one query over all of
// them, never one query per row. Temporary tables are private to the
// connection and dropped at commit or rollback, so a preview writes nothing.

const COPY_BATCH = 2_000;

function copyField(value: string | null): string {
  return value === null ? "" : `"${value.replace(/"/g, '""')}"`;
}

function* copyChunks(rows: BulkRow[]): Generator<string> {
  for (let start = 0; start < rows.length; start += COPY_BATCH) {
    let chunk = "";
    for (const row of rows.slice(start, start + COPY_BATCH)) {
      const notes = row.reference ? (row.notes ? `ref ${row.reference}: ${row.notes}` : `ref ${row.reference}`) : row.notes;
      chunk += `${row.line},${copyField(row.sku)},${copyField(row.warehouse)},${row.mode},${row.quantity},${copyField(notes)}\n`;
    }
    yield chunk;
  }
}

/** Creates bulk_rows (one row per valid CSV row) and fills it with COPY. */
export async function stageRows(client: PoolClient, rows: BulkRow[]): Promise<void> {
  await client.query(`create temp table bulk_rows (
    line int not null, sku text not null, warehouse text not null, mode text not null, quantity int not null, notes text
  ) on commit drop`);
  await pipeline(Readable.from(copyChunks(rows)), client.query(copyFrom("copy bulk_rows from stdin (format csv)")));
}

/**
 * Resolves sku and warehouse code once (bulk_keys). With `lock`, first creates
 * the levels a set/increment needs, then locks every touched level — and every
 * level of a touched variant in flash-sale mode, whose buckets apply merges —
 * FOR UPDATE in the global lock order (variant, level id) shared with cart
 * holds and checkout, so no hold can slip in between the checks below and the
 * write, and the two cannot deadlock. Without it (preview) levels are only read.
 * bulk_levels carries each touched level's live reserved units from the one
 * definition (stockroom_level_stock: expired holds and parked units excluded).
 */
export async function resolveStagedRows(client: PoolClient, options: { lock: boolean }): Promise<void> {
  await client.query(`create temp table bulk_keys on commit drop as
    select b.*, v."id" as variant_id, w."id" as warehouse_id,
      case when v."inventoryPolicy" = 'DENY' then 0 else v."backorderLimit" end as allowance
    from bulk_rows b
    left join "ProductVariant" v on v."sku" = b.sku
    left join "Warehouse" w on upper(w."code") = b.warehouse`);
  if (options.lock) {
    await client.query(`insert into "StockLevel" ("variantId", "warehouseId")
      select k.variant_id, k.warehouse_id from bulk_keys k
      where k.variant_id is not null and k.warehouse_id is not null and k.mode <> 'decrement' and k.quantity > 0
        and not exists (select 1 from "StockLevel" l where l."variantId" = k.variant_id and l."warehouseId" = k.warehouse_id)
      -- One order for every upload: two uploads creating the same new levels wait for each other instead of deadlocking.
      order by k.variant_id, k.warehouse_id
      on conflict ("variantId", "warehouseId") do nothing`);
    await client.query(`select 1 from "StockLevel" l
      where exists (select 1 from bulk_keys k where k.variant_id = l."variantId" and k.warehouse_id = l."warehouseId")
        or (l."variantId" in (select variant_id from bulk_keys) and (exists (select 1 from "StockBucket" b where b."variantId" = l."variantId")
          -- Backorder allocation after the write locks all the variant's levels: take them now, in order.
          or exists (select 1 from "StockLevel" o where o."variantId" = l."variantId" and o."backordered" > 0)))
      order by l."variantId", l."id" for update of l`);
  }
  // Read after locking: in READ COMMITTED this statement sees every commit made before the locks were granted.
  await client.query(`create temp table bulk_levels on commit drop as
    select l."id", l."variantId", l."warehouseId", l."onHand", s.reserved, l."backordered", l."committed", l."unavailable"
    from "StockLevel" l join bulk_keys k on l."variantId" = k.variant_id and l."warehouseId" = k.warehouse_id
    ${levelStockJoin("l", "now()")}`);
}

/**
 * Creates bulk_eval: each staged row with its current and new on-hand and,
 * when it cannot be applied, why. The reservation rule: a row may not lower
 * on-hand below the units promised from this level — live cart holds (as
 * stockroom_level_stock counts them: not expired, not parked flash-sale
 * units, which are still free), units committed to orders and units set
 * aside as unavailable — less the backorder allowance of a BACKORDER or
 * PREORDER variant; and never below the units it physically keeps for
 * orders (committed and covered) and as unavailable, whatever the allowance.
 * Rows that raise on-hand are always allowed.
 */
export async function evaluateStagedRows(client: PoolClient): Promise<void> {
  await client.query(`create temp table bulk_eval on commit drop as
  with resolved as (
    select k.*, l."id" as level_id, coalesce(l."onHand", 0) as on_hand, coalesce(l."reserved" + l."committed" + l."unavailable", 0) as promised,
      coalesce(l."committed" - l."backordered" + l."unavailable", 0) as kept
    from bulk_keys k
    left join bulk_levels l on l."variantId" = k.variant_id and l."warehouseId" = k.warehouse_id
  ), computed as (
    select r.*, case r.mode when 'set' then r.quantity::bigint
      when 'increment' then r.on_hand::bigint + r.quantity else r.on_hand::bigint - r.quantity end as new_on_hand
    from resolved r
  )
  select c.line, c.sku, c.warehouse, c.mode, c.quantity, c.notes, c.variant_id, c.warehouse_id, c.level_id, c.on_hand,
    least(c.new_on_hand, 2147483647)::int as new_on_hand,
    case
      when c.variant_id is null then format('unknown sku "%s"', left(c.sku, 100))
      when c.warehouse_id is null then format('unknown warehouse "%s"', left(c.warehouse, 50))
      when c.level_id is null and c.mode = 'decrement' then 'this sku is not stocked in that warehouse, so there is nothing to decrement'
      when c.new_on_hand < 0 then format('decrement of %s would take on-hand below zero (on hand: %s)', c.quantity, c.on_hand)
      when c.new_on_hand > 2000000000 then 'on-hand would exceed 2,000,000,000'
      when c.new_on_hand < c.on_hand and c.new_on_hand < c.kept then
        format('on-hand %s would be below the %s units committed to orders or unavailable; use at least %s',
          c.new_on_hand, c.kept, c.kept)
      when c.new_on_hand < c.on_hand and c.new_on_hand < c.promised - c.allowance then
        format('on-hand %s would be below the %s units held for carts, committed to orders or unavailable; use at least %s',
          c.new_on_hand, c.promised, greatest(c.promised - c.allowance, 0))
    end as error
  from computed c`);
}

type SummaryRow = { valid: number; invalid: number; changed: number; added: string | null; removed: string | null };

/** Totals, the first errors and a sample of changes from bulk_eval. */
export async function readEvaluation(client: PoolClient, limits: { errors: number; changes: number }) {
  // One connection runs one query at a time, so these go one after another.
  const summary = await client.query<SummaryRow>(`select
      count(*) filter (where error is null)::int as valid,
      count(*) filter (where error is not null)::int as invalid,
      count(*) filter (where error is null and new_on_hand <> on_hand)::int as changed,
      sum(greatest(new_on_hand - on_hand, 0)) filter (where error is null) as added,
      sum(greatest(on_hand - new_on_hand, 0)) filter (where error is null) as removed
      from bulk_eval`);
  const errors = await client.query<RowError>(`select line, sku, warehouse, error as message from bulk_eval where error is not null order by line limit $1`, [limits.errors]);
  const changes = await client.query<RowChange>(`select line, sku, warehouse, mode, quantity, on_hand as "onHand", new_on_hand as "newOnHand"
      from bulk_eval where error is null and new_on_hand <> on_hand order by line limit $1`, [limits.changes]);
  const s = summary.rows[0]!;
  const totals: Omit<BulkTotals, "rows" | "errorRows"> & { invalid: number } = {
    validRows: s.valid,
    invalid: s.invalid,
    changedRows: s.changed,
    unchangedRows: s.valid - s.changed,
    unitsAdded: Number(s.added ?? 0),
    unitsRemoved: Number(s.removed ?? 0),
  };
  return { totals, errors: errors.rows, changes: changes.rows };
}
