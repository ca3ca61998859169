import type { Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;

export type BackorderAllocation = { orderLineId: string; orderId: string; warehouseId: string; quantity: number };

/**
 * Covers open backorders of each variant with whatever units are free now,
 * oldest order first, from the line's own warehouse first and then the other
 * warehouses in priority order (prisma/functions/stockroom_allocate_backorders.sql,
 * where the rule is spelled out). Every transaction that can free units calls
 * it before committing: receipts, transfers in, positive adjustments, bulk
 * rows, cancellations, restocked returns. A variant without backorders costs
 * one index probe.
 */
export async function allocateBackorders(
  tx: Tx,
  variantIds: Iterable<string>,
  source: { reference?: string | null; actor: string },
): Promise<BackorderAllocation[]> {
  const allocations: BackorderAllocation[] = [];
  // Sorted: the variants' levels are locked in the global (variant, level id) order.
  for (const variantId of [...new Set(variantIds)].sort()) {
    const rows = await tx.$queryRaw<{ order_line_id: string; order_id: string; warehouse_id: string; units: number }[]>`
      select * from stockroom_allocate_backorders(${variantId}::uuid, ${source.reference ?? null}::text, ${source.actor}::text, now())`;
    for (const r of rows) allocations.push({ orderLineId: r.order_line_id, orderId: r.order_id, warehouseId: r.warehouse_id, quantity: r.units });
  }
  return allocations;
}
