import { z } from "zod";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { afterStockChange } from "@/lib/inventory/after-commit";
import { thresholdSql } from "@/lib/inventory/availability";
import { setLowStockThreshold as writeLowStockThreshold } from "@/lib/inventory/settings";
import { parseInput } from "@/lib/validation/parse";
import { idSchema } from "@/lib/validation/inventory";
import { enqueueLowStockAlerts } from "./low-stock";
import { VARIANT_NET_CTE } from "./sql";

export const setThresholdSchema = z.object({
  variantId: idSchema,
  threshold: z.coerce.number().int("must be a whole number").min(0, "cannot be negative").max(1_000_000),
  isActive: z.boolean(),
});

export type ThresholdRow = {
  variantId: string; sku: string; productName: string; variantTitle: string; available: number;
  threshold: number; ownThreshold: boolean; isActive: boolean; lastAlertedAt: Date | null; low: boolean;
};

const PAGE_SIZE = 25;

/** Stocked variants with their alert setting, lowest headroom first; `q` matches SKU or product name. */
export async function listThresholds({ q = "", page = 1 }: { q?: string; page?: number } = {}): Promise<{ rows: ThresholdRow[]; total: number; pageSize: number }> {
  const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const offset = (Math.max(1, page) - 1) * PAGE_SIZE;
  const { rows } = await pgPool().query<ThresholdRow & { total: number }>(
    `with ${VARIANT_NET_CTE}
    select n."variantId", n."sku", n."productName", n."title" as "variantTitle", greatest(n.net, 0) as available,
      ${thresholdSql("a", "$3::int")} as threshold, a."id" is not null as "ownThreshold", coalesce(a."isActive", true) as "isActive",
      a."lastAlertedAt", greatest(n.net, 0) <= ${thresholdSql("a", "$3::int")} as low, count(*) over ()::int as total
    from net n left join "LowStockAlert" a on a."variantId" = n."variantId"
    where n."sku" ilike $4 or n."productName" ilike $4
    order by greatest(n.net, 0) - ${thresholdSql("a", "$3::int")}, n."sku"
    limit ${PAGE_SIZE} offset $5`,
    [null, new Date(), env.LOW_STOCK_DEFAULT_THRESHOLD, pattern, offset],
  );
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0, pageSize: PAGE_SIZE };
}

/**
 * The alerts page's threshold form: the one threshold writer
 * (lib/inventory/settings), then an immediate check in the same transaction
 * (a raised threshold may already be crossed), then the after-commit step
 * every stock-relevant change gets (cache, events).
 */
export async function setLowStockThreshold(input: z.input<typeof setThresholdSchema>) {
  const { variantId, threshold, isActive } = parseInput(setThresholdSchema, input);
  const { row, fired } = await db.$transaction(async (tx) => {
    const written = await writeLowStockThreshold({ variantId, threshold, isActive }, tx);
    return { row: written, fired: await enqueueLowStockAlerts([variantId], { tx }) };
  });
  await afterStockChange([variantId]);
  return { ...row, alerted: fired.length > 0 };
}
