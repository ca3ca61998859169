import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { InventoryPolicy } from "@/generated/prisma/enums";
import { actorSchema, idSchema, MAX_STOCK_DELTA } from "@/lib/validation/inventory";
import { afterStockChange } from "./after-commit";
import { NotFoundError } from "@/lib/errors";
import { InventoryError } from "./errors";
import { parseInput } from "@/lib/validation/parse";

type Tx = Prisma.TransactionClient;

const count = z.number().int("must be a whole number").min(0, "cannot be negative").max(MAX_STOCK_DELTA, `at most ${MAX_STOCK_DELTA}`);

export const variantSettingsSchema = z
  .object({
    variantId: idSchema,
    policy: z.enum(InventoryPolicy),
    /** Units that may be promised beyond stock under BACKORDER / PREORDER. */
    backorderLimit: count,
    restockDate: z.date().nullable(),
    /** Low-stock threshold: at or under this many available units the variant counts as low. */
    threshold: count,
    actor: actorSchema,
    now: z.date().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.policy !== "DENY" && s.backorderLimit === 0) {
      ctx.addIssue({ code: "custom", path: ["backorderLimit"], message: "must be at least 1 when backorders or pre-orders are allowed" });
    }
    if (s.policy === "PREORDER" && !s.restockDate) {
      ctx.addIssue({ code: "custom", path: ["restockDate"], message: "pre-orders need an expected restock date" });
    }
    const today = new Date(s.now ?? Date.now());
    today.setUTCHours(0, 0, 0, 0);
    if (s.restockDate && s.restockDate < today) {
      ctx.addIssue({ code: "custom", path: ["restockDate"], message: "must be today or later" });
    }
  });
export type VariantSettingsInput = z.input<typeof variantSettingsSchema>;

/**
 * Policy, backorder limit, restock date and low-stock threshold of a variant,
 * in one transaction. They change what shoppers may order, so the product's
 * cached stock is dropped and a stock event published after commit.
 */
export async function updateVariantSettings(input: VariantSettingsInput, tx?: Tx) {
  const s = parseInput(variantSettingsSchema, input);
  const work = async (t: Tx) => {
    const updated = await t.productVariant.updateMany({
      where: { id: s.variantId },
      data: { inventoryPolicy: s.policy, backorderLimit: s.backorderLimit, restockDate: s.restockDate },
    });
    if (updated.count === 0) throw new InventoryError("NOT_FOUND", "No such variant");
    // The threshold only; whether low stock is notified (isActive) is left as the alerts settings have it.
    await writeThreshold(t, { variantId: s.variantId, threshold: s.threshold });
    return { variantId: s.variantId, policy: s.policy, backorderLimit: s.backorderLimit, restockDate: s.restockDate, threshold: s.threshold };
  };
  if (tx) return work(tx);
  const result = await db.$transaction(work);
  await afterStockChange([s.variantId]);
  return result;
}

export const safetyStockSchema = z.object({ variantId: idSchema, warehouseId: idSchema, safetyStock: count, actor: actorSchema });
export type SafetyStockInput = z.input<typeof safetyStockSchema>;

/**
 * Units withheld from shoppers in one warehouse. One statement creates the
 * level if the variant was never stocked there; it only matches an existing
 * variant and warehouse, so unknown ids are NOT_FOUND rather than FK errors.
 */
export async function setSafetyStock(input: SafetyStockInput, tx?: Tx) {
  const s = parseInput(safetyStockSchema, input);
  const client = tx ?? db;
  const rows = await client.$queryRaw<{ safetyStock: number }[]>`
    insert into "StockLevel" ("variantId", "warehouseId", "safetyStock")
    select v."id", w."id", ${s.safetyStock} from "ProductVariant" v, "Warehouse" w
    where v."id" = ${s.variantId}::uuid and w."id" = ${s.warehouseId}::uuid
    on conflict ("variantId", "warehouseId") do update set "safetyStock" = excluded."safetyStock", "updatedAt" = now()
    returning "safetyStock"`;
  if (!rows[0]) throw new InventoryError("NOT_FOUND", "No such variant or warehouse");
  if (!tx) await afterStockChange([s.variantId]);
  return { variantId: s.variantId, warehouseId: s.warehouseId, safetyStock: rows[0].safetyStock };
}

export const lowStockThresholdSchema = z.object({
  variantId: idSchema,
  threshold: z.coerce.number().int("must be a whole number").min(0, "cannot be negative").max(1_000_000, "at most 1,000,000"),
  /** Whether reaching the threshold is notified; omitted = left as it is (on for a new row). */
  isActive: z.boolean().optional(),
});
export type LowStockThresholdInput = z.input<typeof lowStockThresholdSchema>;
export type LowStockThreshold = { variantId: string; threshold: number; isActive: boolean };

// THE writer of LowStockAlert's threshold and switch (the variant settings form
// and the alerts page both come through here). What the threshold means is
// availability.ts's rule: it applies whether or not the alert is switched on.
async function writeThreshold(t: Tx, s: z.output<typeof lowStockThresholdSchema>): Promise<LowStockThreshold> {
  return t.lowStockAlert.upsert({
    where: { variantId: s.variantId },
    create: { variantId: s.variantId, threshold: s.threshold, isActive: s.isActive ?? true },
    update: { threshold: s.threshold, ...(s.isActive === undefined ? {} : { isActive: s.isActive }) },
    select: { variantId: true, threshold: true, isActive: true },
  });
}

/**
 * Sets a variant's low-stock threshold (and optionally whether it alerts).
 * It changes what counts as low everywhere, so without `tx` the cached stock
 * is dropped and the alert check runs after commit; with `tx` the caller does that.
 */
export async function setLowStockThreshold(input: LowStockThresholdInput, tx?: Tx): Promise<LowStockThreshold> {
  const s = parseInput(lowStockThresholdSchema, input);
  const work = async (t: Tx) => {
    const exists = await t.productVariant.findUnique({ where: { id: s.variantId }, select: { id: true } });
    if (!exists) throw new NotFoundError("This variant no longer exists");
    return writeThreshold(t, s);
  };
  if (tx) return work(tx);
  const result = await db.$transaction(work);
  await afterStockChange([s.variantId]);
  return result;
}
