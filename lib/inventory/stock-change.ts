import type { Prisma } from "@/lib/db";
import type { MovementType } from "@/generated/prisma/enums";
import { InventoryError } from "./errors";

export type StockChange = {
  variantId: string;
  warehouseId: string;
  type: MovementType;
  /** Signed change of on-hand. */
  quantity: number;
  reference?: string | null;
  notes?: string | null;
  actor: string;
  /** Refuse if the change would leave fewer free units than live holds need (transfers out). */
  keepHolds?: boolean;
};

/**
 * The one primitive for on-hand changes outside checkout: a conditional UPDATE
 * that decides and writes in one statement (no check-then-act), plus its ledger
 * row, in the caller's transaction. Creates the stock level on first receipt.
 * A variant in flash-sale mode is merged back before and split again after.
 */
export async function applyStockChange(tx: Prisma.TransactionClient, change: StockChange): Promise<{ onHand: number }> {
  if (change.quantity > 0) {
    await tx.$executeRaw`insert into "StockLevel" ("variantId", "warehouseId") values (${change.variantId}::uuid, ${change.warehouseId}::uuid)
      on conflict ("variantId", "warehouseId") do nothing`;
  }
  // Flash-sale mode: return parked units to the level (locking its levels and
  // buckets) so the change is decided on exact numbers, then park again below.
  const merged = await tx.$queryRaw<{ slots: number }[]>`select stockroom_flash_merge(${change.variantId}::uuid, now()) as slots`;
  const slots = merged[0]?.slots ?? 0;
  const floor = change.keepHolds ? "hold" : "zero";
  const rows = await tx.$queryRaw<{ onHand: number }[]>`
    update "StockLevel" set "onHand" = "onHand" + ${change.quantity}, "updatedAt" = now()
    where "variantId" = ${change.variantId}::uuid and "warehouseId" = ${change.warehouseId}::uuid
      and "onHand" + ${change.quantity} >= case when ${floor} = 'hold' then "reserved" + "backordered" else 0 end
    returning "onHand"`;
  const updated = rows[0];
  if (!updated) {
    const level = await tx.stockLevel.findUnique({
      where: { variantId_warehouseId: { variantId: change.variantId, warehouseId: change.warehouseId } },
      select: { onHand: true, reserved: true, backordered: true },
    });
    if (!level) throw new InventoryError("NOT_FOUND", "This variant is not stocked in that warehouse");
    const free = change.keepHolds ? level.onHand - level.reserved - level.backordered : level.onHand;
    throw new InventoryError(
      "NEGATIVE_STOCK",
      change.keepHolds
        ? `Only ${Math.max(0, free)} units are free to move (the rest are held for carts or backorders)`
        : `Only ${level.onHand} on hand; cannot remove ${-change.quantity}`,
      { onHand: level.onHand, free },
    );
  }
  await tx.inventoryMovement.create({
    data: {
      variantId: change.variantId,
      warehouseId: change.warehouseId,
      type: change.type,
      quantity: change.quantity,
      reference: change.reference ?? null,
      notes: change.notes ?? null,
      createdBy: change.actor,
    },
  });
  if (slots > 0) await tx.$queryRaw`select stockroom_flash_split(${change.variantId}::uuid, ${slots}::int, now())`;
  return updated;
}
