import type { Prisma } from "@/lib/db";
import type { MovementType } from "@/generated/prisma/enums";
import { allocateBackorders, type BackorderAllocation } from "./allocation";
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

export type StockChangeResult = { onHand: number; allocations: BackorderAllocation[] };

/**
 * The one primitive for on-hand changes outside checkout: a conditional UPDATE
 * that decides and writes in one statement (no check-then-act), plus its ledger
 * row, in the caller's transaction. Creates the stock level on first receipt.
 * A variant in flash-sale mode is merged back before and split again after.
 *
 * On hand never drops below the units it must keep: those committed to orders
 * and covered by stock (committed − backordered) and those set aside as
 * unavailable; a transfer out (keepHolds) also keeps live holds and
 * backordered units. Units added go to open backorders first (allocation.ts).
 */
export async function applyStockChange(tx: Prisma.TransactionClient, change: StockChange): Promise<StockChangeResult> {
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
      and "onHand" + ${change.quantity} >= "unavailable" + "committed"
        - case when ${floor} = 'hold' then -"reserved" else "backordered" end
    returning "onHand"`;
  const updated = rows[0];
  if (!updated) {
    const level = await tx.stockLevel.findUnique({
      where: { variantId_warehouseId: { variantId: change.variantId, warehouseId: change.warehouseId } },
      select: { onHand: true, reserved: true, backordered: true, committed: true, unavailable: true },
    });
    if (!level) throw new InventoryError("NOT_FOUND", "This variant is not stocked in that warehouse");
    const kept = level.unavailable + level.committed - level.backordered;
    const free = change.keepHolds ? level.onHand - level.unavailable - level.committed - level.reserved : level.onHand - kept;
    throw new InventoryError(
      "NEGATIVE_STOCK",
      change.keepHolds
        ? `Only ${Math.max(0, free)} units are free to move (the rest are held for carts, committed to orders or unavailable)`
        : kept > 0
          ? `Only ${Math.max(0, free)} of ${level.onHand} on hand can be removed (${kept} are committed to orders or unavailable); cannot remove ${-change.quantity}`
          : `Only ${level.onHand} on hand; cannot remove ${-change.quantity}`,
      { onHand: level.onHand, free: Math.max(0, free) },
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
  const allocations = change.quantity > 0
    ? await allocateBackorders(tx, [change.variantId], { reference: change.reference ?? change.type.toLowerCase(), actor: change.actor })
    : [];
  if (slots > 0) await tx.$queryRaw`select stockroom_flash_split(${change.variantId}::uuid, ${slots}::int, now())`;
  return { onHand: updated.onHand, allocations };
}
