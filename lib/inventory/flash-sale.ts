import { z } from "zod";
import { db, pgPool } from "@/lib/db";
import { actorSchema, idSchema } from "@/lib/validation/inventory";
import { afterStockChange } from "./after-commit";
import { InventoryError } from "./errors";
import { parseInput } from "@/lib/validation/parse";

/*
 * Flash-sale mode for hot SKUs. One stock row caps holds at the single-row
 * update rate of PostgreSQL; in flash-sale mode a variant's free units are
 * parked in N buckets (sharded counters, "StockBucket") and holds draw from
 * them in parallel transactions. Totals stay exact: parked units are counted in
 * the level's `reserved` and every read subtracts them again, holds write their
 * usual RESERVATION/RELEASE movements, and ending the sale merges every parked
 * unit back. See prisma/functions/stockroom_flash_*.sql for the rules.
 */

export const MIN_FLASH_BUCKETS = 2;
export const MAX_FLASH_BUCKETS = 16;

export const startFlashSaleSchema = z.object({
  variantId: idSchema,
  buckets: z.coerce.number().int("must be a whole number")
    .min(MIN_FLASH_BUCKETS, `must be at least ${MIN_FLASH_BUCKETS}`)
    .max(MAX_FLASH_BUCKETS, `must be at most ${MAX_FLASH_BUCKETS}`),
  actor: actorSchema,
});
export const endFlashSaleSchema = z.object({ variantId: idSchema, actor: actorSchema });

export type FlashSaleStatus = {
  variantId: string;
  active: boolean;
  buckets: number;
  /** Free units currently parked in buckets (already part of `available`). */
  parked: number;
  slots: { warehouseId: string; slot: number; free: number }[];
};

/** Starts flash-sale mode (or re-splits with a new bucket count). Idempotent for the same count. */
export async function startFlashSale(input: z.input<typeof startFlashSaleSchema>): Promise<FlashSaleStatus> {
  const { variantId, buckets, actor } = parseInput(startFlashSaleSchema, input);
  return configure(variantId, buckets, actor, `flash-sale mode on: free units split into ${buckets} buckets`);
}

/** Ends flash-sale mode: every parked unit goes back to its stock level. Idempotent. */
export async function endFlashSale(input: z.input<typeof endFlashSaleSchema>): Promise<FlashSaleStatus> {
  const { variantId, actor } = parseInput(endFlashSaleSchema, input);
  return configure(variantId, 0, actor, "flash-sale mode off: buckets merged back");
}

async function configure(variantId: string, buckets: number, actor: string, note: string): Promise<FlashSaleStatus> {
  await db.$transaction(async (tx) => {
    const levels = await tx.$queryRaw<{ warehouseId: string }[]>`
      select "warehouseId" from "StockLevel" where "variantId" = ${variantId}::uuid order by "id" for update`;
    if (!levels.length) throw new InventoryError("NOT_FOUND", "This variant is not stocked in any warehouse", { variantId });
    await tx.$queryRaw`select stockroom_flash_configure(${variantId}::uuid, ${buckets}::int, now(), ${actor})`;
    // Audit trail of who switched the mode; moves no stock (quantity and reservedDelta 0).
    await tx.inventoryMovement.createMany({
      data: levels.map((l) => ({
        variantId, warehouseId: l.warehouseId, type: "ADJUSTMENT" as const, quantity: 0, reference: "flash-sale", notes: note, createdBy: actor,
      })),
    });
  });
  await afterStockChange([variantId]);
  return getFlashSaleStatus(variantId);
}

/** Current mode and bucket contents of a variant (a read; never used to decide a hold). */
export async function getFlashSaleStatus(variantId: string): Promise<FlashSaleStatus> {
  const id = parseInput(idSchema, variantId);
  const { rows } = await pgPool().query<{ warehouseId: string; slot: number; free: number }>(
    `select "warehouseId", "slot", "free" from "StockBucket" where "variantId" = $1 order by "slot", "warehouseId"`,
    [id],
  );
  const buckets = new Set(rows.map((r) => r.slot)).size;
  return { variantId: id, active: buckets > 0, buckets, parked: rows.reduce((sum, r) => sum + r.free, 0), slots: rows };
}
