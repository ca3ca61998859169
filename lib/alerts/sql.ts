import { pgPool, type Prisma } from "@/lib/db";
import { variantTotalsCte } from "@/lib/inventory/availability";

export type Tx = Prisma.TransactionClient;

/** Runs one statement in the caller's transaction, or on its own (autocommit) on the pool. */
export async function runSql<T>(tx: Tx | undefined, text: string, params: unknown[]): Promise<T[]> {
  if (tx) return tx.$queryRawUnsafe<T[]>(text, ...params);
  const { rows } = await pgPool().query(text, params);
  return rows as T[];
}

/**
 * Free units per stocked variant (`net`, Σ of stockroom_level_stock's available
 * over its levels: see lib/inventory/availability.ts), with the names alerts
 * and waitlist mails show. $1 = variant ids (null = every stocked variant), $2 = now.
 */
export const VARIANT_NET_CTE = `${variantTotalsCte("$2::timestamptz", `($1::uuid[] is null or l."variantId" = any($1::uuid[]))`)},
net as (
  select v."id" as "variantId", v."sku", v."title", p."name" as "productName", p."slug" as "productSlug", t.net
  from variant_totals t
  join "ProductVariant" v on v."id" = t."variantId"
  join "Product" p on p."id" = v."productId"
)`;
