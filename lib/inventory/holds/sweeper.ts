import { pgPool } from "@/lib/db";
import { logger } from "@/lib/logger";
import { afterStockChange } from "../after-commit";

/**
 * Deletes expired holds (writing RELEASE movements) variant by variant, each
 * under the variant's locks. Availability already ignores expired holds; this
 * keeps the `reserved` counters and the ledger tidy and tells live pages.
 */
export async function sweepExpiredHolds({ now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}) {
  const { rows } = await pgPool().query<{ variantId: string }>(
    `select distinct "variantId" from "StockReservation" where "expiresAt" <= $1 limit $2`,
    [now, limit],
  );
  let released = 0;
  for (const { variantId } of rows) {
    const result = await pgPool().query<{ freed: number }>(`select stockroom_sweep_variant($1::uuid, $2) as freed`, [variantId, now]);
    released += result.rows[0]?.freed ?? 0;
  }
  if (rows.length) await afterStockChange(rows.map((r) => r.variantId));
  return { variants: rows.length, released };
}

/** Runs the sweep every `intervalMs` in this process until the returned stop() is called. */
export function startHoldSweeper(intervalMs = 15_000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweepExpiredHolds();
    } catch (error) {
      logger.warn("hold sweep failed", { error: String(error) });
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
