import { pgPool, type Prisma } from "@/lib/db";

export type Tx = Prisma.TransactionClient;

/** Runs one statement in the caller's transaction, or on its own (autocommit) on the pool. */
export async function runSql<T>(tx: Tx | undefined, text: string, params: unknown[]): Promise<T[]> {
  if (tx) return tx.$queryRawUnsafe<T[]>(text, ...params);
  const { rows } = await pgPool().query(text, params);
  return rows as T[];
}

/**
 * Free units per variant, the same rule as after-commit and the storefront:
 * Σ stockroom_free over the variant's levels, with expired-but-unswept holds
 * no longer counted. $1 = variant ids (null = every stocked variant), $2 = now.
 * Only variants with at least one stock level are considered "stocked".
 */
export const VARIANT_NET_CTE = `
net as (
  select v."id" as "variantId", v."sku", v."title", p."name" as "productName", p."slug" as "productSlug",
    coalesce(sum(stockroom_free(l."onHand", l."safetyStock", l."reserved" - stockroom_parked(l."variantId", l."warehouseId") - coalesce(x.expired, 0)::int, l."backordered")), 0)::int as net
  from "ProductVariant" v
  join "Product" p on p."id" = v."productId"
  join "StockLevel" l on l."variantId" = v."id"
  left join (
    select r."variantId", r."warehouseId", sum(r."quantity") as expired from "StockReservation" r
    where ($1::uuid[] is null or r."variantId" = any($1::uuid[])) and r."expiresAt" <= $2::timestamptz group by 1, 2
  ) x on x."variantId" = l."variantId" and x."warehouseId" = l."warehouseId"
  where ($1::uuid[] is null or v."id" = any($1::uuid[]))
  group by v."id", p."name", p."slug"
)`;
