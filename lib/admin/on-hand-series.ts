import { pgPool } from "@/lib/db";

export type OnHandPoint = { day: string; onHand: number };

const DAY_MS = 86_400_000;

/**
 * Closing on-hand per UTC day over the last `days` days, rebuilt from the
 * ledger (on-hand = Σ movement quantities), so the chart is exactly the audit
 * trail. Two indexed aggregates — the opening balance and daily sums — keep
 * the cost bounded however many movements a hot variant has.
 */
export async function getOnHandSeries(variantId: string, days = 90, now = new Date()): Promise<OnHandPoint[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = new Date(today - (days - 1) * DAY_MS);
  const [opening, daily] = await Promise.all([
    pgPool().query<{ q: number }>(
      `select coalesce(sum("quantity"), 0)::int as q from "InventoryMovement" where "variantId" = $1::uuid and "createdAt" < $2`,
      [variantId, start],
    ),
    pgPool().query<{ day: string; q: number }>(
      `select to_char(("createdAt" at time zone 'UTC')::date, 'YYYY-MM-DD') as day, sum("quantity")::int as q
       from "InventoryMovement" where "variantId" = $1::uuid and "createdAt" >= $2 and "createdAt" <= $3
       group by 1`,
      [variantId, start, now],
    ),
  ]);
  const change = new Map(daily.rows.map((r) => [r.day, r.q]));
  let onHand = opening.rows[0]?.q ?? 0;
  const points: OnHandPoint[] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(start.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    onHand += change.get(day) ?? 0;
    points.push({ day, onHand });
  }
  return points;
}
