import { z } from "zod";
import { metrics } from "@/lib/metrics/registry";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { releaseReservationSchema, reserveStockSchema } from "@/lib/validation/inventory";
import { InsufficientStockError, InventoryError } from "../errors";
import { submitHold } from "./hold-batcher";
import { parseInput } from "@/lib/validation/parse";

export type ReserveStockInput = z.input<typeof reserveStockSchema>;
export type ReserveStockResult = { variantId: string; held: number; expiresAt: Date | null; maxHoldable: number };

/**
 * Sets the session's hold on a variant to exactly `quantity` units (0 releases
 * it). Decided atomically in PostgreSQL under the variant's row locks (see
 * prisma/functions/stockroom_set_holds.sql): the cache is never consulted. Idempotent;
 * every call also extends the hold's expiry. Throws InsufficientStockError with
 * the most this session could hold, leaving its previous hold untouched.
 */
export async function reserveStock(input: ReserveStockInput): Promise<ReserveStockResult> {
  const { variantId, sessionId, quantity, ttlSeconds, now } = parseInput(reserveStockSchema, input);
  const ttl = (ttlSeconds ?? env.RESERVATION_TTL_SECONDS) * 1_000;
  const expiresAt = new Date((now ?? new Date()).getTime() + ttl);
  const stopTimer = metrics().holdSeconds.startTimer();
  const outcome = await submitHold({ variantId, sessionId, quantity, expiresAt });
  stopTimer();
  metrics().holdDecisions.inc({ outcome: outcome.code === "NOT_FOUND" ? "not_found" : outcome.code === "INSUFFICIENT" ? "refused" : "held" });
  if (outcome.code === "NOT_FOUND") throw new InventoryError("NOT_FOUND", "This item is not stocked", { variantId });
  if (outcome.code === "INSUFFICIENT") throw new InsufficientStockError(variantId, outcome.maxHoldable);
  return { variantId, held: outcome.held, expiresAt: quantity > 0 ? expiresAt : null, maxHoldable: outcome.maxHoldable };
}

export type ReleaseReservationInput = z.input<typeof releaseReservationSchema>;

/** Releases the session's holds (one variant, or all), writing RELEASE movements. */
export async function releaseReservation(input: ReleaseReservationInput): Promise<{ released: number }> {
  const { sessionId, variantId } = parseInput(releaseReservationSchema, input);
  const { rows } = await pgPool().query<{ variantId: string }>(
    `select distinct "variantId" from "StockReservation" where "sessionId" = $1 and ($2::uuid is null or "variantId" = $2::uuid)`,
    [sessionId, variantId ?? null],
  );
  await Promise.all(rows.map((r) => submitHold({ variantId: r.variantId, sessionId, quantity: 0, expiresAt: new Date() })));
  return { released: rows.length };
}

export type SessionHold = { variantId: string; quantity: number; expiresAt: Date; expired: boolean };

/** The session's holds per variant (summed over warehouses), including expired ones not yet swept. */
export async function listSessionHolds(sessionId: string, now = new Date()): Promise<SessionHold[]> {
  const { rows } = await pgPool().query<{ variantId: string; quantity: number; expiresAt: Date }>(
    `select "variantId", sum("quantity")::int as quantity, min("expiresAt") as "expiresAt"
     from "StockReservation" where "sessionId" = $1 group by "variantId" order by min("createdAt")`,
    [parseInput(releaseReservationSchema, { sessionId }).sessionId],
  );
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}
