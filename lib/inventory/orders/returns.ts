import type { z } from "zod";
import { OrderStateError, ValidationError } from "@/lib/errors";
import { disposeReturnSchema, returnOrderSchema } from "@/lib/validation/orders";
import { parseInput } from "@/lib/validation/parse";
import { allocateBackorders } from "../allocation";
import { awaitingInspection, chooseLines, movement, runOrderTransition, type TransitionResult } from "./transition";

export type ReturnOrderInput = z.input<typeof returnOrderSchema>;
export type DisposeReturnInput = z.input<typeof disposeReturnSchema>;

/**
 * Receives returned units (admin) against shipped lines, into the warehouse
 * they shipped from: on hand up, as unavailable (awaiting inspection) until
 * restocked or written off. A line cannot return more than shipped; the
 * refund recorded cannot exceed what the returned units cost.
 */
export async function receiveReturn(input: ReturnOrderInput): Promise<TransitionResult> {
  const r = parseInput(returnOrderSchema, input);
  return runOrderTransition({ ...r, type: "RETURN" }, async (tx, order, lines) => {
    const chosen = chooseLines(lines, r.lines, () => 0);
    const value = chosen.reduce((sum, c) => sum + c.quantity * c.line.unitPriceCents, 0);
    if (r.refundCents > value) throw new ValidationError(`The refund cannot exceed what the returned units cost (${(value / 100).toFixed(2)})`, { refundCents: ["more than the returned units cost"] });
    const changes = [];
    for (const { line, quantity } of chosen) {
      const returnable = line.fulfilledQuantity - line.returnedQuantity;
      if (quantity > returnable) {
        throw new OrderStateError(returnable > 0 ? `Only ${returnable} of ${line.sku} can be returned (shipped and not returned yet)` : `${line.sku} has nothing shipped to return`, {
          orderLineId: line.id, returnable,
        });
      }
      await tx.$executeRaw`update "OrderLine" set "returnedQuantity" = "returnedQuantity" + ${quantity} where "id" = ${line.id}::uuid`;
      await movement(tx, { line, orderId: order.id, type: "RETURN", actor: r.actor, onHand: quantity, unavailable: quantity, notes: "awaiting inspection" });
      changes.push({ orderLineId: line.id, quantity });
    }
    return { lines: changes, variantIds: chosen.map((c) => c.line.variantId) };
  });
}

/**
 * Inspection result for returned units: restock (unavailable → available,
 * offered to backorders first) or write off (out of on hand, as damage).
 */
export async function disposeReturn(input: DisposeReturnInput): Promise<TransitionResult> {
  const d = parseInput(disposeReturnSchema, input);
  const restock = d.disposition === "restock";
  return runOrderTransition({ ...d, type: restock ? "RESTOCK" : "WRITE_OFF" }, async (tx, order, lines) => {
    const chosen = chooseLines(lines, d.lines, () => 0);
    const changes = [];
    for (const { line, quantity } of chosen) {
      const waiting = awaitingInspection(line);
      if (quantity > waiting) {
        throw new OrderStateError(waiting > 0 ? `Only ${waiting} returned ${line.sku} await inspection` : `No returned ${line.sku} await inspection`, { orderLineId: line.id, awaiting: waiting });
      }
      if (restock) {
        await tx.$executeRaw`update "OrderLine" set "restockedQuantity" = "restockedQuantity" + ${quantity} where "id" = ${line.id}::uuid`;
        await movement(tx, { line, orderId: order.id, type: "RESTOCK", actor: d.actor, unavailable: -quantity, notes: d.note ?? "passed inspection" });
      } else {
        await tx.$executeRaw`update "OrderLine" set "writtenOffQuantity" = "writtenOffQuantity" + ${quantity} where "id" = ${line.id}::uuid`;
        await movement(tx, { line, orderId: order.id, type: "WRITE_OFF", actor: d.actor, onHand: -quantity, unavailable: -quantity, notes: d.note ?? "damaged on return" });
      }
      changes.push({ orderLineId: line.id, quantity });
    }
    const variantIds = chosen.map((c) => c.line.variantId);
    if (restock) await allocateBackorders(tx, variantIds, { reference: `restocked return of ${order.id}`, actor: d.actor });
    return { lines: changes, variantIds };
  });
}
