import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { MOVEMENT_SELECT, type MovementRow } from "./movements";
import { STATUS_SQL, URGENCY_ORDER_SQL, VARIANT_STOCK_CTE, type VariantStockRow } from "./stock-sql";

export type DashboardTiles = {
  skus: number;
  unitsOnHand: number;
  reservedNow: number;
  /** Units of placed orders not shipped yet (backordered ones included). */
  committed: number;
  /** On hand but not sellable: returns awaiting inspection. */
  unavailable: number;
  lowStock: number;
  outOfStock: number;
  /** Σ on-hand × selling price, in cents (the schema has no cost price). */
  stockValueCents: number;
};

/** All tiles in one aggregate query over the variant_stock CTE. */
export async function getDashboardTiles(): Promise<DashboardTiles> {
  const { rows } = await pgPool().query<Record<keyof DashboardTiles, string | number | null>>(
    `with ${VARIANT_STOCK_CTE}
     select count(*)::int as "skus", coalesce(sum(on_hand), 0)::bigint as "unitsOnHand",
       coalesce(sum(reserved), 0)::bigint as "reservedNow",
       coalesce(sum(committed), 0)::bigint as "committed", coalesce(sum(unavailable), 0)::bigint as "unavailable",
       count(*) filter (where available > 0 and available <= threshold)::int as "lowStock",
       count(*) filter (where available = 0)::int as "outOfStock",
       coalesce(sum(on_hand::bigint * price_cents), 0)::bigint as "stockValueCents"
     from variant_stock`,
    [env.LOW_STOCK_DEFAULT_THRESHOLD, null],
  );
  const row = rows[0]!;
  // bigint sums arrive as strings; totals stay far below 2^53.
  return {
    skus: Number(row.skus),
    unitsOnHand: Number(row.unitsOnHand),
    reservedNow: Number(row.reservedNow),
    committed: Number(row.committed),
    unavailable: Number(row.unavailable),
    lowStock: Number(row.lowStock),
    outOfStock: Number(row.outOfStock),
    stockValueCents: Number(row.stockValueCents),
  };
}

/** Variants at or under their threshold (sold out included), most urgent first. */
export async function getLowStockList(limit = 10): Promise<{ items: VariantStockRow[]; total: number }> {
  const { rows } = await pgPool().query<VariantStockRow & { total: number }>(
    `with ${VARIANT_STOCK_CTE}
     select *, ${STATUS_SQL} as status, count(*) over ()::int as total
     from variant_stock where available <= threshold
     order by ${URGENCY_ORDER_SQL} limit $3`,
    [env.LOW_STOCK_DEFAULT_THRESHOLD, null, limit],
  );
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

export type RecentMovement = MovementRow;

/**
 * Latest changes of on-hand. Cart holds (RESERVATION/RELEASE) are left out:
 * they do not move units and would drown everything else on a busy day (the
 * partial index of migration hot_path_indexes serves exactly this filter).
 */
export async function getRecentMovements(limit = 10): Promise<RecentMovement[]> {
  const { rows } = await pgPool().query<RecentMovement>(
    `${MOVEMENT_SELECT}
     where m."type" not in ('RESERVATION', 'RELEASE')
     order by m."id" desc limit $1`,
    [limit],
  );
  return rows;
}
