import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export type BackorderAllocation = { orderLineId: string; orderId: string; quantity: number };

type OpenLine = { id: string; orderId: string; backorderedQuantity: number };

/**
 * Allocation rule (documented in README): units received into a warehouse go
 * first to the open backordered / pre-ordered lines of that variant *in that
 * warehouse*, oldest order first (Order.createdAt, then order id, then line
 * id, so ties are deterministic), each line filled completely before the next
 * one gets anything. Only what is left becomes free stock. Lines of cancelled
 * orders are skipped.
 *
 * Runs in the receipt's transaction after on-hand went up: the level's row is
 * already locked by that UPDATE, the lines are locked here, and each allocated
 * unit leaves on-hand with a SALE movement referencing its order, so the
 * ledger (on-hand = Σ movements) stays exact. Free stock is unchanged by the
 * allocation itself (on-hand and backordered drop together); it only makes the
 * promise explicit per order.
 */
export async function allocateReceiptToBackorders(
  tx: Tx,
  receipt: { variantId: string; warehouseId: string; quantity: number; reference: string; actor: string },
): Promise<BackorderAllocation[]> {
  const lines = await tx.$queryRaw<OpenLine[]>`
    select ol."id", ol."orderId", ol."backorderedQuantity"
    from "OrderLine" ol join "Order" o on o."id" = ol."orderId"
    where ol."variantId" = ${receipt.variantId}::uuid and ol."warehouseId" = ${receipt.warehouseId}::uuid
      and ol."backorderedQuantity" > 0 and o."status" = 'PLACED'
    order by o."createdAt", o."id", ol."id"
    for update of ol`;
  let remaining = receipt.quantity;
  const allocations: BackorderAllocation[] = [];
  for (const line of lines) {
    if (remaining === 0) break;
    const take = Math.min(remaining, line.backorderedQuantity);
    await tx.$executeRaw`update "OrderLine" set "backorderedQuantity" = "backorderedQuantity" - ${take} where "id" = ${line.id}::uuid`;
    await tx.inventoryMovement.create({
      data: {
        variantId: receipt.variantId, warehouseId: receipt.warehouseId, type: "SALE", quantity: -take,
        reference: line.orderId, notes: `backorder filled from ${receipt.reference}`, createdBy: receipt.actor,
      },
    });
    allocations.push({ orderLineId: line.id, orderId: line.orderId, quantity: take });
    remaining -= take;
  }
  const allocated = receipt.quantity - remaining;
  if (allocated > 0) {
    // greatest(): a level's counter can only lag the lines (never lead), so it never goes negative.
    await tx.$executeRaw`update "StockLevel" set "onHand" = "onHand" - ${allocated},
      "backordered" = greatest(0, "backordered" - ${allocated}), "updatedAt" = now()
      where "variantId" = ${receipt.variantId}::uuid and "warehouseId" = ${receipt.warehouseId}::uuid`;
  }
  return allocations;
}
