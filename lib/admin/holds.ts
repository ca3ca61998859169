import { z } from "zod";
import { text } from "@/lib/validation/text";
import { pgPool } from "@/lib/db";

export const HOLDS_PAGE_SIZE = 50;

export const holdsQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text({ max: 100 }).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type HoldsQuery = z.infer<typeof holdsQuerySchema>;

export type ActiveHold = {
  /** One of the hold's rows; releasing it releases the cart's whole hold on the variant. */
  holdId: string;
  variantId: string;
  sku: string;
  productName: string;
  variantTitle: string;
  /** Same anonymised cart label the ledger uses ("cart:" + md5 prefix); the session id itself is never shown. */
  cart: string;
  quantity: number;
  warehouses: string;
  createdAt: Date;
  expiresAt: Date;
};

/**
 * Live cart holds (not yet expired), one row per cart and variant summed over
 * warehouses, soonest expiry first. Expired holds no longer count and are the
 * sweeper's business, so they are not listed.
 */
export async function listActiveHolds(
  options: { variantId?: string; q?: string; page?: number; pageSize?: number } = {},
): Promise<{ holds: ActiveHold[]; total: number }> {
  const pageSize = options.pageSize ?? HOLDS_PAGE_SIZE;
  const params: unknown[] = [];
  const where = [`r."expiresAt" > now()`];
  if (options.variantId) where.push(`r."variantId" = $${params.push(options.variantId)}::uuid`);
  if (options.q) {
    const n = params.push(`%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(v."sku" ilike $${n} or p."name" ilike $${n})`);
  }
  params.push(pageSize, ((options.page ?? 1) - 1) * pageSize);
  const { rows } = await pgPool().query<ActiveHold & { total: number }>(
    `select min(r."id"::text) as "holdId", r."variantId", v."sku", p."name" as "productName", v."title" as "variantTitle",
       'cart:' || left(md5(r."sessionId"), 12) as cart, sum(r."quantity")::int as quantity,
       string_agg(w."code" || ' ×' || r."quantity", ', ' order by w."priority", w."code") as warehouses,
       min(r."createdAt") as "createdAt", min(r."expiresAt") as "expiresAt", count(*) over ()::int as total
     from "StockReservation" r
     join "ProductVariant" v on v."id" = r."variantId"
     join "Product" p on p."id" = v."productId"
     join "Warehouse" w on w."id" = r."warehouseId"
     where ${where.join(" and ")}
     group by r."variantId", r."sessionId", v."sku", p."name", v."title"
     order by min(r."expiresAt"), v."sku", min(r."id"::text)
     limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return { holds: rows.map(({ total: _t, ...hold }) => hold), total: rows[0]?.total ?? 0 };
}
