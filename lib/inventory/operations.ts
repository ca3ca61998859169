import type { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import {
  adjustStockSchema,
  damageStockSchema,
  receiveStockSchema,
  returnStockSchema,
  transferStockSchema,
} from "@/lib/validation/inventory";
import { enqueueStockNotifications } from "@/lib/alerts";
import { afterStockChange } from "./after-commit";
import { parseInput } from "@/lib/validation/parse";
import { applyStockChange } from "./stock-change";

type Tx = Prisma.TransactionClient;

// Runs one stock operation in its own transaction unless the caller passes one;
// after-commit work only happens when this function owns the transaction.
// Alerts and back-in-stock emails are queued in the same transaction as the
// change (transactional outbox); a caller-owned transaction queues them itself
// once (enqueueStockNotifications) or relies on its afterStockChange call.
export async function inTransaction<T>(tx: Tx | undefined, variantIds: string[], work: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return work(tx);
  const result = await db.$transaction(async (t) => {
    const done = await work(t);
    await enqueueStockNotifications(variantIds, { tx: t });
    return done;
  });
  await afterStockChange(variantIds);
  return result;
}

export type AdjustStockInput = z.input<typeof adjustStockSchema>;
/** Manual correction (stock count, found units): signed delta with a reason. */
export async function adjustStock(input: AdjustStockInput, tx?: Tx) {
  const a = parseInput(adjustStockSchema, input);
  return inTransaction(tx, [a.variantId], (t) =>
    applyStockChange(t, { ...a, type: "ADJUSTMENT", quantity: a.delta }),
  );
}

export type ReceiveStockInput = z.input<typeof receiveStockSchema>;
/**
 * A purchase-order receipt: on-hand up, expected `incoming` down by what
 * arrived, then the units cover open backorders first (oldest order first,
 * see allocation.ts), all in one transaction.
 */
export async function receiveStock(input: ReceiveStockInput, tx?: Tx) {
  const r = parseInput(receiveStockSchema, input);
  return inTransaction(tx, [r.variantId], async (t) => {
    const result = await applyStockChange(t, { ...r, type: "PURCHASE_ORDER", quantity: r.quantity });
    await t.$executeRaw`update "StockLevel" set "incoming" = greatest(0, "incoming" - ${r.quantity})
      where "variantId" = ${r.variantId}::uuid and "warehouseId" = ${r.warehouseId}::uuid`;
    return result;
  });
}

export type ReturnStockInput = z.input<typeof returnStockSchema>;
/** Units back into sellable stock outside an order (an order's return goes through lib/inventory/orders). */
export async function recordReturn(input: ReturnStockInput, tx?: Tx) {
  const r = parseInput(returnStockSchema, input);
  return inTransaction(tx, [r.variantId], (t) => applyStockChange(t, { ...r, type: "RETURN", quantity: r.quantity }));
}

export type DamageStockInput = z.input<typeof damageStockSchema>;
/** Damaged or lost units leave on-hand (never below zero). */
export async function recordDamage(input: DamageStockInput, tx?: Tx) {
  const d = parseInput(damageStockSchema, input);
  return inTransaction(tx, [d.variantId], (t) => applyStockChange(t, { ...d, type: "DAMAGE", quantity: -d.quantity }));
}

export type TransferStockInput = z.input<typeof transferStockSchema>;
/**
 * Moves units between warehouses: two TRANSFER rows, one transaction. Only
 * units not held for carts or owed to backorders can leave the source.
 */
export async function transferStock(input: TransferStockInput, tx?: Tx) {
  const t = parseInput(transferStockSchema, input);
  const common = { variantId: t.variantId, type: "TRANSFER" as const, actor: t.actor, notes: t.notes ?? null };
  return inTransaction(tx, [t.variantId], async (trx) => {
    const reference = t.reference ?? `TR-${Date.now().toString(36).toUpperCase()}`;
    // Lock both levels in id order (the global lock order) before changing either.
    await trx.$queryRaw`select 1 from "StockLevel" where "variantId" = ${t.variantId}::uuid
      and "warehouseId" in (${t.fromWarehouseId}::uuid, ${t.toWarehouseId}::uuid) order by "id" for update`;
    const from = await applyStockChange(trx, { ...common, warehouseId: t.fromWarehouseId, quantity: -t.quantity, reference, keepHolds: true });
    const to = await applyStockChange(trx, { ...common, warehouseId: t.toWarehouseId, quantity: t.quantity, reference });
    return { from, to, reference };
  });
}
