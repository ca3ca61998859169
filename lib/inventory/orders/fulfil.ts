import type { z } from "zod";
import { OrderStateError, ValidationError } from "@/lib/errors";
import { fulfilOrderSchema } from "@/lib/validation/orders";
import { parseInput } from "@/lib/validation/parse";
import { allocateBackorders } from "../allocation";
import { chooseLines, lockLines, movement, runOrderTransition, shippableUnits, type TransitionResult } from "./transition";

export type FulfilOrderInput = z.input<typeof fulfilOrderSchema>;

/**
 * Ships units (ADMIN or OPS): the whole order, or chosen lines and
 * quantities, optionally only what ships from one warehouse. On hand and
 * committed drop together; the rest stays committed. Only units covered by
 * stock can ship: backordered units are first offered whatever is free now
 * (allocation), and the rest are refused with what each line allows.
 */
export async function fulfilOrder(input: FulfilOrderInput): Promise<TransitionResult> {
  const f = parseInput(fulfilOrderSchema, input);
  return runOrderTransition({ ...f, type: "FULFILMENT" }, async (tx, order, locked) => {
    let lines = locked;
    if (locked.some((l) => l.backorderedQuantity > 0)) {
      // Units freed since (an expired hold, a release) may cover backorders now; re-read the lines after.
      const allocated = await allocateBackorders(tx, locked.filter((l) => l.backorderedQuantity > 0).map((l) => l.variantId), { reference: "fulfilment", actor: f.actor });
      if (allocated.length) lines = await lockLines(tx, order.id);
    }
    const candidates = f.warehouseId && !f.lines ? lines.filter((l) => l.warehouseId === f.warehouseId) : lines;
    const chosen = chooseLines(candidates, f.lines, shippableUnits);
    const changes = [];
    for (const { line, quantity } of chosen) {
      if (f.warehouseId && line.warehouseId !== f.warehouseId) {
        throw new ValidationError(`${line.sku} ships from ${line.warehouseCode}, not the chosen warehouse`, { warehouseId: ["this line ships from another warehouse"] });
      }
      const allowed = shippableUnits(line);
      if (quantity > allowed) {
        throw new OrderStateError(
          allowed > 0 ? `Only ${allowed} of ${line.sku} can ship now` : `${line.sku} cannot ship now (${line.backorderedQuantity ? `${line.backorderedQuantity} backordered` : "nothing open"})`,
          { orderLineId: line.id, shippable: allowed, backordered: line.backorderedQuantity },
        );
      }
      await tx.$executeRaw`update "OrderLine" set "fulfilledQuantity" = "fulfilledQuantity" + ${quantity} where "id" = ${line.id}::uuid`;
      await movement(tx, { line, orderId: order.id, type: "FULFILMENT", actor: f.actor, onHand: -quantity, committed: -quantity, notes: f.trackingNumber ? `tracking ${f.trackingNumber}` : null });
      changes.push({ orderLineId: line.id, quantity });
    }
    return { lines: changes, variantIds: chosen.map((c) => c.line.variantId), warehouseId: f.warehouseId ?? null };
  });
}
