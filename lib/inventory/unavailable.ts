import type { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { UnavailableReason } from "@/generated/prisma/enums";
import { releaseSetAsideSchema, setAsideStockSchema } from "@/lib/validation/inventory";
import { parseInput } from "@/lib/validation/parse";
import { allocateBackorders } from "./allocation";
import { InventoryError } from "./errors";
import { inTransaction } from "./operations";

type Tx = Prisma.TransactionClient;
export type SetAsideStockInput = z.input<typeof setAsideStockSchema>;
export type ReleaseSetAsideInput = z.input<typeof releaseSetAsideSchema>;
export type UnavailableBreakdown = { warehouseId: string; reason: UnavailableReason; units: number }[];

// Merges flash-sale buckets back first (locking all the variant's levels in id
// order, the global lock order) so free units are exact; returns the level and
// the slot count to split again with, as applyStockChange does.
async function lockLevel(tx: Tx, variantId: string, warehouseId: string) {
  const [merged] = await tx.$queryRaw<{ slots: number }[]>`select stockroom_flash_merge(${variantId}::uuid, now()) as slots`;
  const [level] = await tx.$queryRaw<{ onHand: number; unavailable: number; committed: number; reserved: number }[]>`
    select "onHand", "unavailable", "committed", "reserved" from "StockLevel"
    where "variantId" = ${variantId}::uuid and "warehouseId" = ${warehouseId}::uuid`;
  if (!level) throw new InventoryError("NOT_FOUND", "This variant is not stocked in that warehouse");
  return { level, slots: merged?.slots ?? 0 };
}

async function splitAgain(tx: Tx, variantId: string, slots: number) {
  if (slots > 0) await tx.$queryRaw`select stockroom_flash_split(${variantId}::uuid, ${slots}::int, now())`;
}

/**
 * Sets sellable units aside as unavailable (quality control, damaged awaiting
 * write-off): on hand is unchanged, available drops. Only free units can be
 * set aside — not those held in carts or committed to orders.
 */
export async function setAsideStock(input: SetAsideStockInput) {
  const s = parseInput(setAsideStockSchema, input);
  return inTransaction(undefined, [s.variantId], async (tx) => {
    const { level, slots } = await lockLevel(tx, s.variantId, s.warehouseId);
    const free = level.onHand - level.unavailable - level.committed - level.reserved;
    if (s.quantity > free) {
      throw new InventoryError("NEGATIVE_STOCK", `Only ${Math.max(0, free)} units are free to set aside (the rest are held for carts, committed to orders or already unavailable)`, { free: Math.max(0, free) });
    }
    await tx.$executeRaw`update "StockLevel" set "unavailable" = "unavailable" + ${s.quantity}, "updatedAt" = now()
      where "variantId" = ${s.variantId}::uuid and "warehouseId" = ${s.warehouseId}::uuid`;
    await tx.inventoryMovement.create({ data: {
      variantId: s.variantId, warehouseId: s.warehouseId, type: "SET_ASIDE", quantity: 0, unavailableDelta: s.quantity, unavailableReason: s.reason,
      reference: s.reference ?? null, notes: s.notes ?? null, createdBy: s.actor,
    } });
    await splitAgain(tx, s.variantId, slots);
    return { unavailable: level.unavailable + s.quantity };
  });
}

/** Units set aside for a reason go back to sellable (restock, offered to backorders first) or out of on hand (write off). */
export async function releaseSetAside(input: ReleaseSetAsideInput) {
  const r = parseInput(releaseSetAsideSchema, input);
  return inTransaction(undefined, [r.variantId], async (tx) => {
    const { level, slots } = await lockLevel(tx, r.variantId, r.warehouseId);
    const [held] = await tx.$queryRaw<{ units: number }[]>`
      select coalesce(sum("unavailableDelta"), 0)::int as units from "InventoryMovement"
      where "variantId" = ${r.variantId}::uuid and "warehouseId" = ${r.warehouseId}::uuid and "unavailableReason" = ${r.reason}::"UnavailableReason"`;
    const units = held?.units ?? 0;
    if (r.quantity > units) {
      throw new InventoryError("NEGATIVE_STOCK", units > 0 ? `Only ${units} units are set aside for this reason here` : "No units are set aside for this reason here", { setAside: units });
    }
    const restock = r.disposition === "restock";
    const onHand = restock ? 0 : -r.quantity;
    await tx.$executeRaw`update "StockLevel" set "unavailable" = "unavailable" - ${r.quantity}, "onHand" = "onHand" + ${onHand}, "updatedAt" = now()
      where "variantId" = ${r.variantId}::uuid and "warehouseId" = ${r.warehouseId}::uuid`;
    await tx.inventoryMovement.create({ data: {
      variantId: r.variantId, warehouseId: r.warehouseId, type: restock ? "RESTOCK" : "WRITE_OFF", quantity: onHand,
      unavailableDelta: -r.quantity, unavailableReason: r.reason, reference: r.reference ?? null, notes: r.notes ?? null, createdBy: r.actor,
    } });
    if (restock) await allocateBackorders(tx, [r.variantId], { reference: r.reference ?? "restock", actor: r.actor });
    await splitAgain(tx, r.variantId, slots);
    return { unavailable: level.unavailable - r.quantity };
  });
}

/** Unavailable units of a variant per warehouse and reason (from the ledger), for the variant page. */
export async function unavailableBreakdown(variantId: string): Promise<UnavailableBreakdown> {
  return db.$queryRaw<UnavailableBreakdown>`
    select "warehouseId", "unavailableReason" as reason, sum("unavailableDelta")::int as units from "InventoryMovement"
    where "variantId" = ${variantId}::uuid and "unavailableReason" is not null
    group by 1, 2 having sum("unavailableDelta") <> 0 order by 1, 2`;
}
