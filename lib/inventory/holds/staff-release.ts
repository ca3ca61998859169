import { z } from "zod";
import { db } from "@/lib/db";
import { actorSchema, idSchema, notesSchema } from "@/lib/validation/inventory";
import { afterStockChange } from "../after-commit";
import { InventoryError } from "../errors";
import { parseInput } from "@/lib/validation/parse";

export const staffReleaseSchema = z.object({ holdId: idSchema, actor: actorSchema, notes: notesSchema.optional() });
export type StaffReleaseInput = z.input<typeof staffReleaseSchema>;

/**
 * Staff releasing a cart's hold on a variant (all warehouses of that cart
 * line, so the cart is never left half-held). Unlike releaseReservation this
 * records who did it in the RELEASE movements. Same lock order as holds and
 * checkout — the variant's levels by id — so it cannot deadlock with them,
 * and the delete decides what is released: a hold checked out or swept a
 * moment earlier is simply gone (NOT_FOUND), never released twice.
 */
export async function releaseHoldAsStaff(input: StaffReleaseInput): Promise<{ variantId: string; released: number }> {
  const r = parseInput(staffReleaseSchema, input);
  const hold = await db.stockReservation.findUnique({ where: { id: r.holdId }, select: { variantId: true, sessionId: true } });
  if (!hold) throw new InventoryError("NOT_FOUND", "This hold no longer exists (it may have been checked out or expired)");
  const released = await db.$transaction(async (tx) => {
    await tx.$queryRaw`select 1 from "StockLevel" where "variantId" = ${hold.variantId}::uuid order by "id" for update`;
    const rows = await tx.$queryRaw<{ released: number }[]>`
      with gone as (
        delete from "StockReservation" where "variantId" = ${hold.variantId}::uuid and "sessionId" = ${hold.sessionId}
        returning "warehouseId", "quantity", "sessionId"
      ), per_level as (
        select "warehouseId", sum("quantity")::int as qty, min("sessionId") as session from gone group by 1
      ), levels as (
        update "StockLevel" l set "reserved" = l."reserved" - p.qty, "updatedAt" = now()
        from per_level p where l."variantId" = ${hold.variantId}::uuid and l."warehouseId" = p."warehouseId"
        returning 1
      ), moves as (
        insert into "InventoryMovement" ("variantId", "warehouseId", "type", "quantity", "reservedDelta", "reference", "notes", "createdBy")
        select ${hold.variantId}::uuid, p."warehouseId", 'RELEASE', 0, -p.qty, 'cart:' || left(md5(p.session), 12),
          ${r.notes ? `released by staff: ${r.notes}` : "released by staff"}, ${r.actor}
        from per_level p
        returning 1
      )
      select coalesce((select sum(qty) from per_level), 0)::int as released
      from (select count(*) from levels) l, (select count(*) from moves) m`;
    return rows[0]?.released ?? 0;
  });
  if (released === 0) throw new InventoryError("NOT_FOUND", "This hold no longer exists (it may have been checked out or expired)");
  await afterStockChange([hold.variantId]);
  return { variantId: hold.variantId, released };
}
