import { pgPool } from "@/lib/db";
import { variantTotalsCte } from "@/lib/inventory/availability";
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
  /** Free units of released variants: what "In stock" and the "In stock only" filter mean (ships now). */
  inStock: number;
  /** Some variant is a pre-order (not released yet) that can still be ordered. */
  preorder: boolean;
  /** Some released variant can be ordered on backorder. */
  backorder: boolean;
};

export type CataloguePage = { products: ProductCard[]; total: number; page: number; pageCount: number; categories: string[] };

// A product's available units: Σ over its variants of the one definition
// (lib/inventory/availability: max(0, Σ stockroom_level_stock per level)).
// "In stock" means ships now: free units of released variants. A pre-order
// variant (not released yet) is never in stock, even once units arrive, and a
// backorder is not stock either; both show their own label on the card and are
// left out by "In stock only".
const FILTERED_PRODUCTS = `
with ${variantTotalsCte("now()")},
variant_stock as (
  select v."productId", coalesce(t.available, 0) as free, v."inventoryPolicy" as policy,
    (v."inventoryPolicy" <> 'DENY' and v."backorderLimit" > 0) as beyond
  from "ProductVariant" v left join variant_totals t on t."variantId" = v."id"
), product_stock as (
  select "productId", sum(free)::int as available, coalesce(bool_or(beyond), false) as beyond,
    coalesce(sum(free) filter (where policy <> 'PREORDER'), 0)::int as in_stock,
    coalesce(bool_or(policy = 'PREORDER' and (beyond or free > 0)), false) as preorder,
    coalesce(bool_or(policy = 'BACKORDER' and beyond), false) as backorder
  from variant_stock group by "productId"
)
select p."id", p."slug", p."name", p."category", p."priceCents", p."imageUrl",
  coalesce(s.available, 0) as available, coalesce(s.beyond, false) as "orderableBeyondStock",
  coalesce(s.in_stock, 0) as "inStock", coalesce(s.preorder, false) as preorder, coalesce(s.backorder, false) as backorder,
  count(*) over () ::int as total
from "Product" p left join product_stock s on s."productId" = p."id"
where ($1 = '' or p."name" ilike '%' || $1 || '%' or p."description" ilike '%' || $1 || '%')
  and ($2 = '' or p."category" = $2)
  and (not $3 or coalesce(s.in_stock, 0) > 0)
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
