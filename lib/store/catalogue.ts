import { pgPool } from "@/lib/db";
import { CATALOGUE_PAGE_SIZE, type CatalogueQuery } from "@/lib/validation/store";

export type ProductCard = {
  id: string;
  slug: string;
  name: string;
  category: string;
  priceCents: number;
  imageUrl: string;
  /** Free units across variants and warehouses. */
  available: number;
  /** Some variant can still be ordered beyond stock (backorder / pre-order). */
  orderableBeyondStock: boolean;
};

export type CataloguePage = { products: ProductCard[]; total: number; page: number; pageCount: number; categories: string[] };

// Per-level free units follow stockroom_free / freeUnits: safety stock is
// withheld but never makes a level negative by itself. The reserved counter
// still includes holds that expired in the last sweep interval (≤ 15 s), so the
// grid errs on "less available"; the product page subtracts them exactly.
const FILTERED_PRODUCTS = `
with variant_stock as (
  select v."productId", v."id",
    greatest(coalesce(sum(least(greatest(l."onHand" - (l."reserved" - coalesce(b.parked, 0)) - l."backordered" - l."safetyStock", 0),
                                 l."onHand" - (l."reserved" - coalesce(b.parked, 0)) - l."backordered")), 0), 0)::int as free,
    bool_or(v."inventoryPolicy" <> 'DENY' and v."backorderLimit" > 0) as beyond
  from "ProductVariant" v left join "StockLevel" l on l."variantId" = v."id"
  -- Units parked in flash-sale buckets are counted in "reserved" but still free.
  left join (select "variantId", "warehouseId", sum("free")::int as parked from "StockBucket" group by 1, 2) b
    on b."variantId" = l."variantId" and b."warehouseId" = l."warehouseId"
  group by v."productId", v."id"
), product_stock as (
  select "productId", sum(free)::int as available, coalesce(bool_or(beyond), false) as beyond
  from variant_stock group by "productId"
)
select p."id", p."slug", p."name", p."category", p."priceCents", p."imageUrl",
  coalesce(s.available, 0) as available, coalesce(s.beyond, false) as "orderableBeyondStock",
  count(*) over () ::int as total
from "Product" p left join product_stock s on s."productId" = p."id"
where ($1 = '' or p."name" ilike '%' || $1 || '%' or p."description" ilike '%' || $1 || '%')
  and ($2 = '' or p."category" = $2)
  and (not $3 or coalesce(s.available, 0) > 0 or coalesce(s.beyond, false))
order by p."name", p."id"
limit $4 offset $5`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listCatalogue(query: CatalogueQuery): Promise<CataloguePage> {
  const offset = (query.page - 1) * CATALOGUE_PAGE_SIZE;
  const [products, categories] = await Promise.all([
    pgPool().query<ProductCard & { total: number }>(FILTERED_PRODUCTS, [escapeLike(query.q), query.category, query.inStock, CATALOGUE_PAGE_SIZE, offset]),
    pgPool().query<{ category: string }>(`select distinct "category" from "Product" order by 1`),
  ]);
  const total = products.rows[0]?.total ?? (offset > 0 ? await countMatching(query) : 0);
  return {
    products: products.rows.map(({ total: _total, ...card }) => card),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CATALOGUE_PAGE_SIZE)),
    categories: categories.rows.map((r) => r.category),
  };
}

// A page past the end returns no rows, so the window count is missing: count separately.
async function countMatching(query: CatalogueQuery): Promise<number> {
  const { rows } = await pgPool().query<{ total: number }>(
    `select count(*)::int as total from (${FILTERED_PRODUCTS.replace(/limit \$4 offset \$5$/, "")}) matched`,
    [escapeLike(query.q), query.category, query.inStock],
  );
  return rows[0]?.total ?? 0;
}
